package dev.tillpoint.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.merchants.TerminalView;

/** A list response, wrapped in an object as every list of the API is. */
@Schema(name = "TerminalList")
public record TerminalList(List<TerminalResponse> items) {

    public TerminalList {
        items = List.copyOf(items);
    }

    public static TerminalList from(List<TerminalView> views) {
        return new TerminalList(views.stream().map(TerminalResponse::from).toList());
    }
}
