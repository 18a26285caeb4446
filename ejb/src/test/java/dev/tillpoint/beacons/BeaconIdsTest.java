package dev.tillpoint.beacons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BeaconIdsTest {

    @Test
    void anyCaseIsStoredLowerCase() {
        assertEquals(Optional.of("8b0ca750e7a74e14bd99000000000001"), BeaconIds.canonical("8B0CA750E7a74e14BD99000000000001"));
    }

    @Test
    void onlyThirtyTwoHexCharactersAreAnEddystoneUid() {
        for (String bad : List.of("", "8b0ca750e7a74e14bd9900000000001", "8b0ca750e7a74e14bd990000000000011",
                "8b0ca750e7a74e14bd99000000000g01", "8b0ca750-e7a7-4e14-bd99-000000000001")) {
            assertTrue(BeaconIds.canonical(bad).isEmpty(), bad);
        }
        assertTrue(BeaconIds.canonical(null).isEmpty());
    }
}
