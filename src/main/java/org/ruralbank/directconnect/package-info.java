/**
 * Bank-enterprise direct connection (银企直连): enterprises' finance systems query balances and statements, pay,
 * run payroll and sweep cash pools through a signed API (JSON and ISO 20022), over a double-entry ledger.
 *
 * <p>The API of this context: {@link org.ruralbank.directconnect.CoreBanking} (the port postings go through; the
 * built-in implementation is the platform's own ledger), {@link org.ruralbank.directconnect.CorporateAccountSource}
 * (where corporate accounts and opening balances come from), {@link org.ruralbank.directconnect.Onboarding}
 * (maker-checker changes, each kind an {@link org.ruralbank.directconnect.OnboardingChange} record), {@link org.ruralbank.directconnect.RequestSigning} (the signing recipe partners and the
 * {@code ruralbank connect} client follow), {@link org.ruralbank.directconnect.EndOfDay} (pools and expiries of a
 * business date), {@link org.ruralbank.directconnect.Clearing} (the inter-bank hand-off) and
 * {@link org.ruralbank.directconnect.ConnectedEnterprises} (the enterprises holding given accounts, read by CRM). Persistence and adapters live in {@code internal}, controllers in
 * {@code web}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"platform", "platform :: web", "warehouse", "shared"})
@org.jspecify.annotations.NullMarked
package org.ruralbank.directconnect;
