//! The two roles of an active-passive pair.

/// The primary (active) or the secondary (standby) side of a failover pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum RegionRole {
    /// Serves traffic while its health check passes.
    Primary,
    /// Takes over when the primary's health check fails.
    Secondary,
}

impl RegionRole {
    /// `primary` / `secondary`: the construct names constructs give each
    /// role's part.
    pub fn id(self) -> &'static str {
        match self {
            Self::Primary => "primary",
            Self::Secondary => "secondary",
        }
    }

    /// `Primary` / `Secondary`: a tag value.
    pub fn tag(self) -> &'static str {
        match self {
            Self::Primary => "Primary",
            Self::Secondary => "Secondary",
        }
    }

    /// The Route 53 failover record type, `PRIMARY` or `SECONDARY`.
    pub fn failover_type(self) -> &'static str {
        match self {
            Self::Primary => "PRIMARY",
            Self::Secondary => "SECONDARY",
        }
    }
}
