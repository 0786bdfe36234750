package org.ruralbank.directconnect.internal;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The enterprise (and the operator's key) behind a request whose signature checked out. */
public final class PartnerPrincipal extends AbstractAuthenticationToken {

    private final String enterpriseId;
    private final String keyId;
    private final Nonces.Claim nonce;

    PartnerPrincipal(String enterpriseId, String keyId, Nonces.Claim nonce) {
        super(List.of(new SimpleGrantedAuthority("ROLE_PARTNER")));
        this.enterpriseId = enterpriseId;
        this.keyId = keyId;
        this.nonce = nonce;
        setAuthenticated(true);
    }

    public String enterpriseId() {
        return enterpriseId;
    }

    public String keyId() {
        return keyId;
    }

    /** The request's nonce when it is to be recorded with the payment the request carries, else null. */
    public Nonces.Claim nonce() {
        return nonce;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return enterpriseId + "/" + keyId;
    }
}
