/**
 * Customer relationship management (CRM): finding a customer, the customer whole (360), their value and their
 * relationships, guarantee chains and circles (互保、联保).
 *
 * <p>Everything is read from the warehouse through the named queries under {@code warehouse/queries/crm/} and the
 * CRM marts under {@code warehouse/models}; ID numbers, mobiles and card numbers are masked before they leave this
 * context, and unmasking asks for a reason and is audited. The 360 shows the customer's loyalty points as the
 * points context's {@code CustomerPoints} gives them, and the direct-connection enterprise as the direct connection's
 * {@code ConnectedEnterprises} gives it. Controllers live in {@code web}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "platform",
            "platform :: web",
            "warehouse",
            "appraisal",
            "points",
            "directconnect",
            "shared"
        })
@org.jspecify.annotations.NullMarked
package org.ruralbank.crm;
