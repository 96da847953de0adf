/**
 * The helpdesk's feature modules, one top-level package each, verified as Spring Modulith application modules
 * ({@code ModularityTests}). Services pick the ones they use with {@link io.safaridesk.domain.HelpdeskFeatures}.
 */
package io.safaridesk.domain;
