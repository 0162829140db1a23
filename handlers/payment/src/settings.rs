//! Settings read once at cold start; a bad one stops the function with a
//! clear message instead of failing every request.

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    pub table_name: String,
    pub region: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingsError(String);

impl fmt::Display for SettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SettingsError {}

impl Settings {
    /// Reads `TABLE_NAME` and `AWS_REGION` through `var`.
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Result<Self, SettingsError> {
        let table_name = var("TABLE_NAME").unwrap_or_default();
        let valid_table = (3..=255).contains(&table_name.len())
            && table_name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b));
        if !valid_table {
            return Err(SettingsError(format!(
                "TABLE_NAME `{table_name}` is not a DynamoDB table name; set it to the table the stack created"
            )));
        }
        let region = var("AWS_REGION").unwrap_or_default();
        if region.is_empty() {
            return Err(SettingsError(
                "AWS_REGION is not set; Lambda sets it, so set it by hand only outside Lambda"
                    .into(),
            ));
        }
        Ok(Self { table_name, region })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(vars: &[(&str, &str)]) -> Result<Settings, SettingsError> {
        Settings::from_vars(|name| {
            vars.iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value).to_owned())
        })
    }

    #[test]
    fn valid_and_invalid_settings() {
        assert_eq!(
            settings(&[
                ("TABLE_NAME", "transactions-dev"),
                ("AWS_REGION", "us-east-1")
            ]),
            Ok(Settings {
                table_name: "transactions-dev".into(),
                region: "us-east-1".into()
            })
        );
        assert!(
            settings(&[("AWS_REGION", "us-east-1")])
                .unwrap_err()
                .to_string()
                .contains("TABLE_NAME")
        );
        assert!(settings(&[("TABLE_NAME", "a b c"), ("AWS_REGION", "x")]).is_err());
        assert!(
            settings(&[("TABLE_NAME", "transactions-dev")])
                .unwrap_err()
                .to_string()
                .contains("AWS_REGION")
        );
    }
}
