package io.safaridesk.infra.stack;

/** Starts a stand-in for each external service that the environment does not name. */
interface StandIns {

    Started<ServiceEndpoints.Database> postgres();

    Started<ServiceEndpoints.Amqp> amqpBroker();

    Started<ServiceEndpoints.Mail> mailServer();

    Started<ServiceEndpoints.Keycloak> keycloak(ServiceEndpoints.Database database);

    /** A running stand-in: where it is reached, what it is (for the status line), and how to stop it. */
    record Started<E>(E endpoint, String description, AutoCloseable stopper) {}
}
