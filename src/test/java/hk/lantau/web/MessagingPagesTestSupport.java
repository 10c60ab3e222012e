package hk.lantau.web;

import hk.lantau.messaging.MessagingApiTestSupport;

/** The messaging page tests: people of an organisation signed in through the sign-in page. */
abstract class MessagingPagesTestSupport extends MessagingApiTestSupport {

    /** A browser without JavaScript, signed in as the person. */
    protected PageClient pages(Person person) {
        PageClient page = new PageClient(baseUrl());
        page.signIn(person.email(), PASSWORD);
        return page;
    }

    /** A browser without JavaScript, signed in as the organisation's admin with their second factor. */
    protected PageClient console(Org org) {
        PageClient page = new PageClient(baseUrl());
        page.signIn(org.adminEmail(), PASSWORD, () -> totpCode(org.adminEmail()));
        return page;
    }
}
