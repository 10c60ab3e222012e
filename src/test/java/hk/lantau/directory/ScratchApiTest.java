package hk.lantau.directory;

import org.junit.jupiter.api.Test;

class ScratchApiTest extends DirectoryApiTestSupport {
    @Test
    void scratch() {
        Org org = newOrganisation();
        System.out.println("TREE " + org.admin().get("/api/v1/departments"));
        System.out.println("ONE " + org.admin().get("/api/v1/departments/1"));
        System.out.println("PATCH " + org.admin().patch("/api/v1/departments/1", json("name", "Head Office")));
        System.out.println("ME " + org.admin().get("/api/v1/me"));
    }
}
