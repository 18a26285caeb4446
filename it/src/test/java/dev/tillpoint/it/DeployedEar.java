package dev.tillpoint.it;

import java.io.File;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the black-box tests: Arquillian deploys the real tillpoint.ear, exactly as the build
 * packaged it, into the managed WildFly; the tests then speak HTTP to it like a phone, a POS or
 * an admin would, with signed JWTs.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class DeployedEar {

    @Deployment(testable = false)
    public static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class,
                new File(System.getProperty("tillpoint.ear")));
    }
}
