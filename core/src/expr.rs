//! Terraform expressions as typed values.
//!
//! An [`Expr`] is a literal, a reference to an attribute, a variable, a
//! template joining several of those, or a call of one of the Terraform
//! functions the project uses. It renders to Terraform's JSON syntax when it is
//! serialized: a literal stays a plain string (with `${` escaped), everything
//! else becomes `${...}`. Rendering lives here and nowhere else.

use std::sync::Arc;

use serde::{Serialize, Serializer};
use serde_json::Value;

use super::reference::{self, Target};

/// A Terraform expression: the value of a resource argument that may hold
/// references, variables or function calls.
///
/// [`Expr::render`] gives the JSON string Terraform reads; serializing an
/// `Expr` writes the same string.
///
/// ```
/// use drsynth_core::Expr;
///
/// // A literal stays a plain string, with `${` escaped.
/// assert_eq!(Expr::literal("a ${b}").render(), "a $${b}");
///
/// // Anything else becomes an interpolation.
/// let hash = Expr::filebase64sha256(Expr::module_file("lambda/payment.zip"));
/// assert_eq!(
///     hash.render(),
///     r#"${filebase64sha256("${path.module}/lambda/payment.zip")}"#
/// );
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// A plain string.
    Literal(String),
    /// `aws_s3_bucket.x.arn`
    Attribute {
        /// The block the attribute belongs to.
        target: Arc<Target>,
        /// The attribute name, e.g. `arn`.
        attribute: String,
    },
    /// `var.name`
    Variable(String),
    /// `self.name`: the resource's own attribute, in its postconditions.
    SelfAttribute(String),
    /// `!operand`
    Not(Box<Expr>),
    /// `value >= least`: a number read from the provider held to a bound.
    AtLeast {
        /// The number compared.
        value: Box<Expr>,
        /// The least it may be.
        least: u64,
    },
    /// `one([for item in collection : item if item.attribute == "value"])`:
    /// the one element of a list or set whose attribute has a known value
    /// (an ACM certificate's validation option for one of its names).
    Find {
        /// The list or set searched.
        collection: Box<Expr>,
        /// The attribute of each element that is compared.
        attribute: String,
        /// The value the attribute must have.
        value: String,
    },
    /// `path.module`: the directory holding the configuration.
    PathModule,
    /// Parts joined into one string: `"${a}/lambda/${b}"`.
    Template(Vec<Expr>),
    /// `base[index]`
    Index {
        /// The list indexed.
        base: Box<Expr>,
        /// The zero-based position of the element.
        index: usize,
    },
    /// `base.name`
    GetAttr {
        /// The object or block whose attribute is read.
        base: Box<Expr>,
        /// The attribute name.
        name: String,
    },
    /// `condition ? then : otherwise`
    Conditional {
        /// A boolean expression.
        condition: Box<Expr>,
        /// The value when it is true.
        then: Box<Expr>,
        /// The value when it is false.
        otherwise: Box<Expr>,
    },
    /// A call of a Terraform function.
    Call {
        /// The function name, e.g. `jsonencode`.
        function: &'static str,
        /// The arguments, in order.
        args: Vec<Expr>,
    },
    /// A JSON value (from a serialized Rust value) as a Terraform object
    /// expression, with the references the value holds.
    Json {
        /// The value; its strings are already in template form.
        value: Value,
        /// The blocks the value refers to, recorded when it was serialized.
        references: Vec<Arc<Target>>,
    },
}

impl Expr {
    /// A plain string; any `${` or `%{` in it is escaped, so Terraform reads
    /// it as written.
    pub fn literal(value: impl Into<String>) -> Self {
        Self::Literal(value.into())
    }

    /// Joins the parts into one string.
    pub fn template(parts: impl IntoIterator<Item = Expr>) -> Self {
        Self::Template(parts.into_iter().collect())
    }

    /// `jsonencode(value)`: the value stays a structure in the configuration,
    /// with its references intact, and Terraform turns it into a string.
    pub fn jsonencode(value: &impl Serialize) -> Self {
        let (value, references) = reference::collecting(|| serde_json::to_value(value));
        let value = value.expect("a construct value always serializes to JSON");
        Self::Call {
            function: "jsonencode",
            args: vec![Self::Json { value, references }],
        }
    }

    /// A call of the Terraform function `function`.
    pub fn call(function: &'static str, args: impl IntoIterator<Item = Expr>) -> Self {
        Self::Call {
            function,
            args: args.into_iter().collect(),
        }
    }

    /// `self.<name>`, for a postcondition of the resource that holds it.
    pub fn self_attribute(name: &str) -> Self {
        Self::SelfAttribute(name.to_owned())
    }

    /// The one element of the collection `self` whose `attribute` is
    /// `value` (null if none; Terraform fails if several).
    pub fn find(self, attribute: &str, value: &str) -> Self {
        Self::Find {
            collection: Box::new(self),
            attribute: attribute.to_owned(),
            value: value.to_owned(),
        }
    }

    /// `self[index]`: an element of a list.
    pub fn index(self, index: usize) -> Self {
        Self::Index {
            base: Box::new(self),
            index,
        }
    }

    /// `self.name`: an attribute of an object or nested block.
    pub fn get(self, name: &str) -> Self {
        Self::GetAttr {
            base: Box::new(self),
            name: name.to_owned(),
        }
    }

    /// `filebase64sha256(path)`: the hash Lambda uses to notice new code.
    pub fn filebase64sha256(path: Expr) -> Self {
        Self::Call {
            function: "filebase64sha256",
            args: vec![path],
        }
    }

    /// `"${path.module}/<relative>"`: a file shipped beside the configuration.
    pub fn module_file(relative: &str) -> Self {
        Self::template([Self::PathModule, Self::literal(format!("/{relative}"))])
    }

    /// `condition ? then : otherwise`: `then` while `condition` (a boolean
    /// expression, such as a variable) is true.
    pub fn conditional(condition: Expr, then: Expr, otherwise: Expr) -> Self {
        Self::Conditional {
            condition: Box::new(condition),
            then: Box::new(then),
            otherwise: Box::new(otherwise),
        }
    }

    /// `self >= least`, a boolean for a condition.
    pub fn at_least(self, least: u64) -> Self {
        Self::AtLeast {
            value: Box::new(self),
            least,
        }
    }

    /// Renders as a Terraform JSON string value.
    pub fn render(&self) -> String {
        match self {
            Self::Literal(text) => escape_template(text),
            Self::Template(parts) => parts.iter().map(Self::render).collect(),
            other => format!("${{{}}}", other.render_expression()),
        }
    }

    /// Renders in expression position (inside `${...}`).
    fn render_expression(&self) -> String {
        match self {
            Self::Literal(text) => quote(&escape_template(text)),
            Self::Attribute { target, attribute } => {
                format!("{}.{}", target.address(), attribute)
            }
            Self::Variable(name) => format!("var.{name}"),
            Self::SelfAttribute(name) => format!("self.{name}"),
            Self::Not(operand) => format!("!{}", operand.render_expression()),
            Self::AtLeast { value, least } => format!("{} >= {least}", value.render_expression()),
            Self::Find {
                collection,
                attribute,
                value,
            } => format!(
                "one([for item in {} : item if item.{attribute} == {}])",
                collection.render_expression(),
                quote(&escape_template(value))
            ),
            Self::PathModule => "path.module".to_owned(),
            Self::Template(_) => quote(&self.render()),
            Self::Index { base, index } => format!("{}[{index}]", base.render_expression()),
            Self::GetAttr { base, name } => format!("{}.{name}", base.render_expression()),
            Self::Call { function, args } => {
                let args: Vec<String> = args.iter().map(Self::render_expression).collect();
                format!("{function}({})", args.join(", "))
            }
            Self::Conditional {
                condition,
                then,
                otherwise,
            } => format!(
                "{} ? {} : {}",
                condition.render_expression(),
                then.render_expression(),
                otherwise.render_expression()
            ),
            Self::Json { value, .. } => json_to_expression(value),
        }
    }

    fn record_references(&self) {
        match self {
            Self::Attribute { target, .. } => reference::record(target),
            Self::Template(parts) => parts.iter().for_each(Self::record_references),
            Self::Call { args, .. } => args.iter().for_each(Self::record_references),
            Self::Conditional {
                condition,
                then,
                otherwise,
            } => [condition, then, otherwise]
                .into_iter()
                .for_each(|part| part.record_references()),
            Self::Index { base, .. }
            | Self::GetAttr { base, .. }
            | Self::Not(base)
            | Self::AtLeast { value: base, .. }
            | Self::Find {
                collection: base, ..
            } => base.record_references(),
            Self::Json { references, .. } => references.iter().for_each(reference::record),
            Self::Literal(_) | Self::Variable(_) | Self::SelfAttribute(_) | Self::PathModule => {}
        }
    }
}

impl Serialize for Expr {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.record_references();
        serializer.serialize_str(&self.render())
    }
}

/// `!expr`
impl std::ops::Not for Expr {
    type Output = Self;

    fn not(self) -> Self {
        Self::Not(Box::new(self))
    }
}

impl From<&str> for Expr {
    fn from(value: &str) -> Self {
        Self::literal(value)
    }
}

impl From<String> for Expr {
    fn from(value: String) -> Self {
        Self::Literal(value)
    }
}

impl From<&String> for Expr {
    fn from(value: &String) -> Self {
        Self::literal(value.as_str())
    }
}

impl From<&Expr> for Expr {
    fn from(value: &Expr) -> Self {
        value.clone()
    }
}

/// A literal `${` or `%{` in a Terraform string must be doubled.
fn escape_template(text: &str) -> String {
    if !text.contains(['$', '%']) {
        return text.to_owned();
    }
    text.replace("${", "$${").replace("%{", "%%{")
}

/// A Terraform quoted string; `body` is already template-escaped.
fn quote(body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 2);
    out.push('"');
    for c in body.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            other => out.push(other),
        }
    }
    out.push('"');
    out
}

/// A JSON value as a Terraform expression. Strings in the value are already
/// in template form (references as `${...}`), which a quoted Terraform string
/// reads the same way.
fn json_to_expression(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => quote(s),
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(json_to_expression).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(fields) => {
            let fields: Vec<String> = fields
                .iter()
                .map(|(key, value)| format!("{} = {}", quote(key), json_to_expression(value)))
                .collect();
            format!("{{{}}}", fields.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id::ConstructPath;
    use crate::reference::{BlockKind, collecting};

    fn bucket_arn() -> Expr {
        Expr::Attribute {
            target: Arc::new(Target {
                kind: BlockKind::Resource,
                tf_type: "aws_s3_bucket",
                id: ConstructPath::root().child("data").logical_id(),
                path: ConstructPath::root().child("data"),
                stack: Arc::from("app"),
            }),
            attribute: "arn".to_owned(),
        }
    }

    #[test]
    fn literal_renders_plain_and_escapes_interpolation() {
        assert_eq!(Expr::literal("payments").render(), "payments");
        assert_eq!(Expr::literal("a ${b} %{c}").render(), "a $${b} %%{c}");
    }

    #[test]
    fn attribute_renders_as_interpolation() {
        assert_eq!(bucket_arn().render(), "${aws_s3_bucket.data.arn}");
    }

    #[test]
    fn template_joins_parts() {
        let expr = Expr::template([bucket_arn(), Expr::literal("/*")]);
        assert_eq!(expr.render(), "${aws_s3_bucket.data.arn}/*");
    }

    #[test]
    fn index_and_attribute_access_render() {
        let expr = Expr::call("tolist", [bucket_arn()])
            .index(0)
            .get("resource_record_name");
        assert_eq!(
            expr.render(),
            "${tolist(aws_s3_bucket.data.arn)[0].resource_record_name}"
        );
        let (_, seen) = collecting(|| serde_json::to_value(&expr));
        assert_eq!(seen.len(), 1);
    }

    #[test]
    fn find_selects_one_element_by_attribute() {
        let expr = bucket_arn()
            .find("domain_name", "api.example.org")
            .get("resource_record_name");
        assert_eq!(
            expr.render(),
            r#"${one([for item in aws_s3_bucket.data.arn : item if item.domain_name == "api.example.org"]).resource_record_name}"#
        );
        let (_, seen) = collecting(|| serde_json::to_value(&expr));
        assert_eq!(seen.len(), 1);
    }

    #[test]
    fn negated_call_on_self_renders() {
        // The Rust string `a\.b` is the regex `a\.b`, quoted as "a\\.b".
        let expr = !Expr::call(
            "can",
            [Expr::call(
                "regex",
                [Expr::literal("a\\.b"), Expr::self_attribute("name")],
            )],
        );
        assert_eq!(expr.render(), r#"${!can(regex("a\\.b", self.name))}"#);
    }

    #[test]
    fn module_file_hash_renders_function_call() {
        let expr = Expr::filebase64sha256(Expr::module_file("lambda/payment.zip"));
        assert_eq!(
            expr.render(),
            r#"${filebase64sha256("${path.module}/lambda/payment.zip")}"#
        );
    }

    #[derive(Serialize)]
    struct Statement {
        #[serde(rename = "Resource")]
        resource: Vec<Expr>,
        #[serde(rename = "Quote")]
        quote: &'static str,
    }

    fn statement() -> Statement {
        Statement {
            resource: vec![bucket_arn()],
            quote: "a\"b",
        }
    }

    #[test]
    fn jsonencode_keeps_references_and_escapes_strings() {
        let expr = Expr::jsonencode(&statement());
        assert_eq!(
            expr.render(),
            r#"${jsonencode({"Quote" = "a\"b", "Resource" = ["${aws_s3_bucket.data.arn}"]})}"#
        );
    }

    #[test]
    fn serializing_records_references() {
        let expr = Expr::jsonencode(&statement());
        let (_, seen) = collecting(|| serde_json::to_value(&expr));
        assert_eq!(seen.len(), 1);
        assert_eq!(seen[0].address(), "aws_s3_bucket.data");
    }

    #[test]
    fn serializing_outside_a_collector_records_nothing() {
        let value = serde_json::to_value(bucket_arn()).unwrap();
        assert_eq!(value, "${aws_s3_bucket.data.arn}");
    }
}
