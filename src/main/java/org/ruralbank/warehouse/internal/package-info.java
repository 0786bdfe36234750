/** The DuckDB engine and dialect behind {@link org.ruralbank.warehouse.WarehouseEngine}, and the warehouse's configuration. */
@org.jspecify.annotations.NullMarked
package org.ruralbank.warehouse.internal;
