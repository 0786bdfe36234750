package org.ruralbank.ingest.internal;

/** Where alerts go to a person: an e-mail to a list of addresses, or a group robot's webhook. */
interface AlertChannel {

    enum Kind {
        MAIL,
        WEBHOOK
    }

    Kind kind();

    /**
     * Sends one alert; throws with the reason when the other side did not take it.
     *
     * @param subject a short title (the e-mail's subject; the first line of a robot's text)
     */
    void send(String subject, String text) throws Exception;
}
