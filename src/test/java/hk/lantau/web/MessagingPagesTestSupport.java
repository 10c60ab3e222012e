package hk.lantau.web;

import hk.lantau.messaging.MessagingApiTestSupport;

/** The messaging page tests: people of an organisation signed in through the sign-in page. */
abstract class MessagingPagesTestSupport extends MessagingApiTestSupport {

    /** A browser without JavaScript, signed in as the person. */
    protected PageClient pages(Org org, Person person) {
        String email = jdbc.sql("select email from dir_user where tenant_id = :t and userid = :u")
                .param("t", tenantId(org)).param("u", person.userId()).query(String.class).single();
        PageClient page = new PageClient(baseUrl());
        page.signIn(email, PASSWORD);
        return page;
    }
}
