//! How `POST /payment` is authorized, and the checks of the JWT settings.

use constructs::core::Error;
use constructs::dr::failover_dns::is_reserved_domain;

use super::Config;
use super::validation::is_domain;

/// How `POST /payment` is authorized.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PaymentAuth {
    /// A JWT from the configured issuer, verified by API Gateway in each
    /// region against the issuer's published keys (the default): the same
    /// token is accepted by both regions, so payments survive a failover.
    #[default]
    Jwt,
    /// Callers sign requests with SigV4. A signature names its region, so
    /// after a failover the secondary refuses every request signed for the
    /// primary until clients sign for the secondary.
    AwsIam,
    /// Anyone who reaches the API may call it; only for demos behind
    /// another gate.
    None,
}

impl PaymentAuth {
    /// Every mode, to find one by its name.
    pub const ALL: [Self; 3] = [Self::Jwt, Self::AwsIam, Self::None];

    /// The name used by the flag and the config file.
    pub fn name(self) -> &'static str {
        match self {
            Self::Jwt => "jwt",
            Self::AwsIam => "aws-iam",
            Self::None => "none",
        }
    }

    /// The route's `authorization_type`.
    pub fn authorization_type(self) -> &'static str {
        match self {
            Self::Jwt => "JWT",
            Self::AwsIam => "AWS_IAM",
            Self::None => "NONE",
        }
    }
}

/// The JWT authorizer of `POST /payment`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JwtSettings {
    /// The `iss` of accepted tokens, an `https://` URL whose
    /// `/.well-known/openid-configuration` API Gateway reads the keys from.
    /// `None` is a placeholder that `terraform plan` refuses.
    pub issuer: Option<String>,
    /// Accepted `aud` (or `client_id`) values.
    pub audience: Vec<String>,
    /// Scopes `POST /payment` requires, one of which a token must carry:
    /// nothing else tells an access token from an ID token with the same
    /// audience, which should not pay.
    pub scopes: Vec<String>,
}

/// The scope a token needs to pay, unless `--jwt-scope` says otherwise
/// (Cognito's form, `<resource server>/<scope>`).
pub const DEFAULT_JWT_SCOPE: &str = "payments/write";

impl Default for JwtSettings {
    fn default() -> Self {
        Self {
            issuer: None,
            audience: vec!["payments-api".to_owned()],
            scopes: vec![DEFAULT_JWT_SCOPE.to_owned()],
        }
    }
}

/// Stands in for an unset issuer: a documentation domain (RFC 2606) that
/// can never issue tokens, refused by `terraform plan` on AWS.
pub const PLACEHOLDER_JWT_ISSUER: &str = "https://idp.example.com/";

impl Config {
    /// The issuer of accepted tokens, or the placeholder.
    pub fn jwt_issuer(&self) -> &str {
        self.jwt.issuer.as_deref().unwrap_or(PLACEHOLDER_JWT_ISSUER)
    }

    /// An issuer API Gateway cannot use or that fails with the primary,
    /// and audiences or scopes it refuses.
    pub(super) fn jwt_errors(&self) -> Vec<Error> {
        let mut errors = Vec::new();
        if let Some(issuer) = &self.jwt.issuer {
            let host = issuer
                .strip_prefix("https://")
                .map(|rest| rest.split(['/', ':']).next().unwrap_or_default());
            match host {
                Some(host) if is_reserved_domain(host) => errors.push(Error::invalid_setting(
                    "JWT issuer",
                    issuer,
                    "example.com, example.net and example.org are documentation domains (RFC 2606): no identity provider issues tokens there",
                    "use the issuer URL of your identity provider, e.g. https://login.acme-corp.io/",
                )),
                Some(host) if is_domain(host) => {
                    let primary_pool = format!("cognito-idp.{}.amazonaws.com", self.primary_region);
                    if host == primary_pool {
                        errors.push(Error::invalid_setting(
                            "JWT issuer",
                            issuer,
                            format!(
                                "it is a Cognito user pool in the primary region {}: when that region fails, \
                                 clients can get no new tokens and the secondary's authorizer cannot fetch the \
                                 pool's keys, so payments stop exactly when they should fail over",
                                self.primary_region
                            ),
                            "use an identity provider that does not live in the primary region (a global \
                             one, or a pool in the secondary region with a plan to recover it)",
                        ));
                    }
                }
                _ => errors.push(Error::invalid_setting(
                    "JWT issuer",
                    issuer,
                    "API Gateway accepts only an https:// URL with a DNS host name as a JWT issuer",
                    "use the issuer URL of your identity provider, e.g. https://login.acme-corp.io/",
                )),
            }
        }
        if !is_token_value_list(&self.jwt.audience) {
            errors.push(Error::invalid_setting(
                "JWT audience",
                self.jwt.audience.join(","),
                "API Gateway needs at least one audience, each 1-256 characters without spaces",
                "name the audience (or client id) your identity provider puts in the tokens, e.g. payments-api",
            ));
        }
        if !is_token_value_list(&self.jwt.scopes) {
            errors.push(Error::invalid_setting(
                "JWT scope",
                self.jwt.scopes.join(","),
                "a payment needs a token with at least one scope (without one, an ID token with the audience \
                 pays), each 1-256 characters without spaces",
                "name the scope your identity provider grants payment clients, e.g. --jwt-scope payments/write",
            ));
        }
        errors
    }
}

/// What API Gateway takes as a JWT authorizer's audiences or a route's
/// scopes: at least one value, each 1-256 characters without spaces.
fn is_token_value_list(values: &[String]) -> bool {
    !values.is_empty()
        && values
            .iter()
            .all(|v| !v.is_empty() && v.len() <= 256 && !v.contains(char::is_whitespace))
}
