package dev.tillpoint.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/**
 * Deployments for in-container tests: the real tillpoint.ear plus one library jar holding the
 * test class, so that Arquillian runs the test inside the server, next to the EJBs, with real
 * JTA transactions and the real datasource.
 */
final class InsideEar {

    private InsideEar() {
    }

    static EnterpriseArchive with(Class<?>... testClasses) {
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class,
                new File(System.getProperty("tillpoint.ear")));
        return ear.addAsLibrary(ShrinkWrap.create(JavaArchive.class, "tillpoint-in-container-tests.jar")
                .addClasses(testClasses));
    }
}
