package org.ruralbank.platform;

import java.util.Set;

/**
 * One item of the left-hand menu. Each context declares its items as beans; the layout shows those whose roles
 * the signed-in user holds (an empty set: every signed-in user), grouped by section, in {@code order}; an item
 * leading to one of the {@link WholeBankPages} only to staff who see the whole bank.
 *
 * @param section message code of the menu section, e.g. {@code menu.system}
 * @param label   message code of the item
 * @param href    the page, e.g. {@code /users}; also decides the breadcrumb of pages below it
 */
public record MenuEntry(String section, String label, String href, Set<Role> roles, int order) {

    public boolean visibleTo(StaffPrincipal staff) {
        return (roles.isEmpty() || roles.stream().anyMatch(staff::has))
                && (!WholeBankPages.covers(href) || WholeBankPages.reachableBy(staff));
    }
}
