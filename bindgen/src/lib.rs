//! Typed Rust bindings for a Terraform provider, generated from its own
//! schema (`terraform providers schema -json`).
//!
//! Every resource and data source becomes a struct whose fields are its
//! arguments: required ones plain (and parameters of `new`), optional ones
//! `Option`, so a literal names only what it sets
//! (`Foo { bar: Some(..), ..Foo::new(required) }`). Nested blocks become
//! structs of their own (one value when `max_items` is 1, a list
//! otherwise); blocks of the same shape in one resource share one struct.
//! Every attribute is readable from a `Ref` as an `Expr`. Types are
//! grouped by service as the provider's documentation groups them (its
//! table of services, `services.tsv` for hashicorp/aws; the first word
//! after the provider's prefix for a provider without one), one module and
//! one cargo feature per service, so a build compiles only the services its
//! crates enable.
//!
//! The output is a pure function of the schema: keys are visited in sorted
//! order and names are given in that order, so generating twice gives the
//! same bytes.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::fs;
use std::io::Read;
use std::path::Path;

use serde_json::Value;

/// What one run generates.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Bindings {
    /// File name (relative to the bindings directory) -> content.
    pub files: BTreeMap<String, String>,
    /// The cargo features, one per service, sorted.
    pub features: Vec<String>,
    /// Resources generated.
    pub resources: usize,
    /// Data sources generated.
    pub data_sources: usize,
}

/// The provider to generate and how its code refers to the kernel.
#[derive(Clone, Debug)]
pub struct Provider {
    /// Its key in `provider_schemas`, e.g. `registry.terraform.io/hashicorp/aws`.
    pub source: String,
    /// Its type prefix, e.g. `aws` in `aws_s3_bucket`.
    pub prefix: String,
    /// The path of the kernel from the generated code, e.g. `drsynth_core`.
    pub core: String,
    /// The provider's services as its documentation groups them; empty:
    /// a service per first word after the prefix.
    pub services: Vec<Service>,
}

/// One service of the provider's documentation, and the types it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Service {
    /// Its module and cargo feature, e.g. `rds`.
    pub feature: String,
    /// Its name in the documentation, e.g. `RDS (Relational Database)`.
    pub subcategory: String,
    /// Type-name prefixes of its types (a full type name is one); a type
    /// belongs to the service with the longest prefix it starts with.
    pub prefixes: Vec<String>,
}

/// hashicorp/aws's services as its documentation groups them (the
/// `subcategory` of each page): feature, subcategory, type prefixes.
const AWS_SERVICES: &str = include_str!("../services.tsv");

impl Provider {
    /// hashicorp/aws, generated into the `drsynth-provider-aws` crate.
    pub fn aws() -> Self {
        Self {
            source: "registry.terraform.io/hashicorp/aws".to_owned(),
            prefix: "aws".to_owned(),
            core: "drsynth_core".to_owned(),
            services: parse_services(AWS_SERVICES),
        }
    }

    /// The service of `tf_type`: the one with the longest matching prefix.
    fn service_of(&self, tf_type: &str) -> Result<Service, String> {
        if self.services.is_empty() {
            let rest = tf_type
                .strip_prefix(&self.prefix)
                .and_then(|r| r.strip_prefix('_'))
                .unwrap_or(tf_type);
            let word = rest.split('_').next().unwrap_or(rest).to_owned();
            return Ok(Service {
                feature: word.clone(),
                subcategory: word,
                prefixes: Vec::new(),
            });
        }
        self.services
            .iter()
            .flat_map(|service| {
                service
                    .prefixes
                    .iter()
                    .filter(|prefix| tf_type.starts_with(prefix.as_str()))
                    .map(move |prefix| (prefix.len(), service))
            })
            .max_by_key(|(length, _)| *length)
            .map(|(_, service)| service.clone())
            .ok_or_else(|| {
                format!(
                    "`{tf_type}` belongs to no service of bindgen/services.tsv; add its prefix (or \
                     its name) to the service whose subcategory its documentation page names"
                )
            })
    }
}

/// The services of a `feature<TAB>subcategory<TAB>prefix,prefix` table
/// with a header line.
pub fn parse_services(table: &str) -> Vec<Service> {
    table
        .lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let mut fields = line.split('\t');
            let mut next = || fields.next().unwrap_or_default().trim().to_owned();
            let (feature, subcategory, prefixes) = (next(), next(), next());
            Service {
                feature,
                subcategory,
                prefixes: prefixes.split(',').map(str::to_owned).collect(),
            }
        })
        .collect()
}

/// Reads a schema file, gzip-compressed when its name ends in `.gz`.
pub fn read_schema(path: &Path) -> Result<Value, String> {
    let bytes = fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let text = if path.extension().is_some_and(|e| e == "gz") {
        let mut text = String::new();
        flate2::read::GzDecoder::new(bytes.as_slice())
            .read_to_string(&mut text)
            .map_err(|e| format!("{} is not gzip-compressed JSON: {e}", path.display()))?;
        text
    } else {
        String::from_utf8(bytes).map_err(|e| format!("{} is not UTF-8: {e}", path.display()))?
    };
    serde_json::from_str(&text).map_err(|e| {
        format!(
            "{} is not JSON ({e}); make it with `terraform providers schema -json`",
            path.display()
        )
    })
}

/// Where the bindings live in their crate.
pub const BINDINGS_DIR: &str = "src";
const FEATURES_BEGIN: &str = "# BEGIN GENERATED FEATURES (make bindings)";
const FEATURES_END: &str = "# END GENERATED FEATURES";

/// Generates the AWS bindings from `schema` and writes them into
/// `crate_dir` (the modules, and the features in its Cargo.toml); returns a
/// one-line summary.
pub fn write_aws(schema: &Path, crate_dir: &Path) -> Result<String, String> {
    let bindings = generate(&read_schema(schema)?, &Provider::aws())?;
    let dir = crate_dir.join(BINDINGS_DIR);
    if dir.exists() {
        fs::remove_dir_all(&dir).map_err(|e| format!("cannot clear {}: {e}", dir.display()))?;
    }
    fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for (name, content) in &bindings.files {
        let path = dir.join(name);
        fs::write(&path, content).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    let manifest = crate_dir.join("Cargo.toml");
    let text = fs::read_to_string(&manifest)
        .map_err(|e| format!("cannot read {}: {e}", manifest.display()))?;
    let text = with_features(&text, &bindings.features)?;
    fs::write(&manifest, text).map_err(|e| format!("cannot write {}: {e}", manifest.display()))?;
    let lines: usize = bindings.files.values().map(|f| f.lines().count()).sum();
    Ok(format!(
        "wrote {} resources and {} data sources in {} services ({lines} lines) into {}",
        bindings.resources,
        bindings.data_sources,
        bindings.features.len(),
        dir.display()
    ))
}

/// `manifest` with its generated features block replaced by `features`.
pub fn with_features(manifest: &str, features: &[String]) -> Result<String, String> {
    let (Some(begin), Some(end)) = (manifest.find(FEATURES_BEGIN), manifest.find(FEATURES_END))
    else {
        return Err(format!(
            "Cargo.toml has no `{FEATURES_BEGIN}` ... `{FEATURES_END}` block under [features]"
        ));
    };
    Ok(format!(
        "{}{}{}",
        &manifest[..begin],
        features_block(features),
        &manifest[end + FEATURES_END.len()..]
    ))
}

/// The features block: one feature per service and `all` enabling them
/// all.
pub fn features_block(features: &[String]) -> String {
    let mut out = format!("{FEATURES_BEGIN}\n");
    for feature in features {
        let _ = writeln!(out, "{feature} = []");
    }
    let all: Vec<String> = features.iter().map(|f| format!("\"{f}\"")).collect();
    let _ = writeln!(out, "all = [{}]", all.join(", "));
    out.push_str(FEATURES_END);
    out
}

/// The bindings of `provider` in `schema`.
pub fn generate(schema: &Value, provider: &Provider) -> Result<Bindings, String> {
    let schemas = &schema["provider_schemas"][&provider.source];
    if !schemas.is_object() {
        return Err(format!(
            "the schema has no provider `{}`; make it with `terraform providers schema -json` in a \
             configuration requiring that provider",
            provider.source
        ));
    }
    let mut services: BTreeMap<String, (Service, Vec<TypeSchema>)> = BTreeMap::new();
    for (kind, key) in [
        (Kind::Resource, "resource_schemas"),
        (Kind::Data, "data_source_schemas"),
    ] {
        for (tf_type, entry) in sorted(&schemas[key]) {
            let service = provider.service_of(tf_type)?;
            services
                .entry(service.feature.clone())
                .or_insert_with(|| (service, Vec::new()))
                .1
                .push((kind, tf_type, &entry["block"]));
        }
    }
    let mut bindings = Bindings::default();
    let mut index = format!(
        "//! Typed bindings of every resource and data source of `{}`, generated\n\
         //! from its schema by `drsynth-bindgen` (`make bindings`); do not edit\n\
         //! (rustfmt leaves the modules as generated, so the freshness test can\n\
         //! compare them byte for byte).\n\
         //!\n\
         //! Each service, as the provider's documentation groups them, is a\n\
         //! module behind the cargo feature of the same name (`all` enables\n\
         //! every one): a crate enables the services it builds on. A `Ref` to a\n\
         //! type dereferences to its attribute accessors (`S3BucketAttributes`).\n\n",
        provider.source
    );
    for (feature, (service, types)) in &services {
        let module = module_name(feature);
        let _ = writeln!(
            index,
            "#[cfg(feature = \"{feature}\")]\n#[doc = {}]\n#[rustfmt::skip]\npub mod {module};",
            rust_str(&format!(
                "{}: the `{feature}` feature.",
                service.subcategory
            ))
        );
        let mut generator = Module::new(provider);
        // Top-level names first: a resource keeps its own name even when a
        // nested block of another one would have taken it.
        let names: Vec<String> = types
            .iter()
            .map(|(kind, tf_type, _)| generator.claim(&top_level_name(*kind, tf_type, provider)))
            .collect();
        // Then each type's attribute accessors, before any nested block.
        let attributes: Vec<String> = names
            .iter()
            .map(|name| generator.claim(&format!("{name}Attributes")))
            .collect();
        for (((kind, tf_type, block), name), attributes) in types.iter().zip(names).zip(attributes)
        {
            generator.top_level(*kind, tf_type, block, [&name, &attributes]);
            match kind {
                Kind::Resource => bindings.resources += 1,
                Kind::Data => bindings.data_sources += 1,
            }
        }
        bindings.files.insert(
            format!("{module}.rs"),
            generator.finish(&service.subcategory),
        );
        bindings.features.push(feature.clone());
    }
    bindings.files.insert("lib.rs".to_owned(), index);
    Ok(bindings)
}

/// A type of the schema: its kind, name and block.
type TypeSchema<'s> = (Kind, &'s str, &'s Value);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Resource,
    Data,
}

/// `aws_s3_bucket` -> `S3Bucket`; data sources get the prefix `Data`.
fn top_level_name(kind: Kind, tf_type: &str, provider: &Provider) -> String {
    let rest = tf_type
        .strip_prefix(&provider.prefix)
        .and_then(|r| r.strip_prefix('_'))
        .unwrap_or(tf_type);
    match kind {
        Kind::Resource => pascal(rest),
        Kind::Data => format!("Data{}", pascal(rest)),
    }
}

/// The object's entries in key order, whatever map serde_json was built with.
fn sorted(value: &Value) -> Vec<(&str, &Value)> {
    let mut entries: Vec<(&str, &Value)> = value
        .as_object()
        .into_iter()
        .flatten()
        .map(|(k, v)| (k.as_str(), v))
        .collect();
    entries.sort_by(|a, b| a.0.cmp(b.0));
    entries
}

/// Rust's keywords, which names must not be as they are.
const KEYWORDS: [&str; 51] = [
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while",
];

/// Keywords that cannot be raw identifiers either.
const NOT_RAW: [&str; 5] = ["crate", "self", "Self", "super", "_"];

/// Methods every `Ref` has already; an attribute accessor of the same name
/// gets the suffix `_attribute`.
const REF_METHODS: [&str; 12] = [
    "attr",
    "address",
    "path",
    "reference",
    "as_ref",
    "target",
    "new",
    "clone",
    "clone_from",
    "fmt",
    "to_owned",
    "into",
];

/// A snake_case identifier for `name`: a raw identifier for a keyword,
/// `_` appended where that is impossible, `_` prepended before a digit.
fn snake_ident(name: &str) -> String {
    let mut ident: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    if ident.is_empty() || ident.starts_with(|c: char| c.is_ascii_digit()) {
        ident.insert(0, '_');
    }
    if NOT_RAW.contains(&ident.as_str()) {
        ident.push('_');
    } else if KEYWORDS.contains(&ident.as_str()) {
        ident.insert_str(0, "r#");
    }
    ident
}

/// A module name: like a field, but never raw.
fn module_name(service: &str) -> String {
    let ident = snake_ident(service);
    match ident.strip_prefix("r#") {
        Some(keyword) => format!("{keyword}_"),
        None => ident,
    }
}

/// `dynamodb_table` -> `DynamodbTable`.
fn pascal(name: &str) -> String {
    let mut out = String::new();
    for part in name.split(|c: char| !c.is_ascii_alphanumeric()) {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.push_str(chars.as_str());
        }
    }
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'T');
    }
    if out == "Self" {
        out.push('_');
    }
    out
}

/// A JSON string literal for Rust source (the same escapes work).
fn rust_str(text: &str) -> String {
    Value::from(text).to_string()
}

/// One doc comment, from a schema description (one line per source line).
fn doc(out: &mut String, indent: &str, lines: &[&str]) {
    for line in lines.iter().flat_map(|l| l.lines()) {
        // Trimmed: an indented line would be a code block (and a doctest)
        // to rustdoc, and tabs are not welcome in doc comments.
        let line = line.trim().replace('\t', " ");
        if line.is_empty() {
            let _ = writeln!(out, "{indent}///");
        } else {
            let _ = writeln!(out, "{indent}/// {line}");
        }
    }
}

/// The generated code of one service.
struct Module<'p> {
    provider: &'p Provider,
    /// Struct names given so far.
    names: BTreeSet<String>,
    /// A block's canonical JSON -> the struct generated for it, within the
    /// resource being generated: a struct is never shared with another
    /// resource, so its name (and its docs) always name its own resource,
    /// and adding a resource never renames another's structs.
    shapes: HashMap<String, String>,
    /// Structs in the order they were generated.
    code: String,
    /// Every struct's attribute accessors, by struct name.
    accessors: String,
}

/// One field of a generated struct.
struct Field {
    ident: String,
    key: String,
    ty: String,
    required: bool,
    /// What `new` takes for a required field.
    param: String,
    /// How `new` stores the parameter.
    init: String,
    description: Option<String>,
    deprecated: bool,
}

impl<'p> Module<'p> {
    fn new(provider: &'p Provider) -> Self {
        Self {
            provider,
            names: BTreeSet::new(),
            shapes: HashMap::new(),
            code: String::new(),
            accessors: String::new(),
        }
    }

    /// A name not given yet in this module, from `wanted`.
    fn claim(&mut self, wanted: &str) -> String {
        let mut name = wanted.to_owned();
        let mut n = 2;
        while !self.names.insert(name.clone()) {
            name = format!("{wanted}{n}");
            n += 1;
        }
        name
    }

    /// Generates the type `tf_type` as `name`, its accessors as `attributes`.
    fn top_level(
        &mut self,
        kind: Kind,
        tf_type: &str,
        block: &Value,
        [name, attributes]: [&str; 2],
    ) {
        self.shapes.clear();
        let what = match kind {
            Kind::Resource => "resource",
            Kind::Data => "data source",
        };
        let title = format!("`{tf_type}` ({what}).");
        self.structure(name, &title, block);
        let core = &self.provider.core;
        let trait_name = match kind {
            Kind::Resource => "Resource",
            Kind::Data => "DataSource",
        };
        let _ = writeln!(
            self.code,
            "impl {core}::{trait_name} for {name} {{\n    const TYPE: &'static str = {};\n}}\n\n\
             impl {core}::Block for {name} {{\n    type Attributes = {attributes};\n}}\n",
            rust_str(tf_type)
        );
        let mut accessors = String::new();
        // Nested blocks read like attributes (`.domain_name_configuration[0]`).
        let readable = sorted(&block["attributes"])
            .into_iter()
            .map(|(name, _)| (name, "`"))
            .chain(
                sorted(&block["block_types"])
                    .into_iter()
                    .map(|(name, _)| (name, "` (a nested block)")),
            );
        for (attribute, what) in readable {
            let mut method = snake_ident(attribute);
            if REF_METHODS.contains(&method.as_str()) {
                method.push_str("_attribute");
            }
            let _ = writeln!(
                accessors,
                "    /// `{attribute}{what}, as a reference.\n    #[inline]\n    pub fn {method}(&self) -> {core}::Expr {{\n        self.0.attr({})\n    }}",
                rust_str(attribute)
            );
        }
        // What a `Ref<{name}>` dereferences to.
        let _ = writeln!(
            self.accessors,
            "/// The attributes of `{tf_type}`, read from a `Ref<{name}>`.\n\
             #[derive(Clone, Debug)]\n\
             pub struct {attributes}({core}::Reference);\n\n\
             impl From<{core}::Reference> for {attributes} {{\n    #[inline]\n    fn from(reference: {core}::Reference) -> Self {{\n        Self(reference)\n    }}\n}}\n\n\
             impl AsRef<{core}::Reference> for {attributes} {{\n    #[inline]\n    fn as_ref(&self) -> &{core}::Reference {{\n        &self.0\n    }}\n}}\n"
        );
        if !accessors.is_empty() {
            let _ = writeln!(self.accessors, "impl {attributes} {{\n{accessors}}}\n");
        }
    }

    /// Generates `name` for `block` (after its nested blocks' structs).
    fn structure(&mut self, name: &str, title: &str, block: &Value) {
        let core = self.provider.core.clone();
        let mut fields = Vec::new();
        for (key, attribute) in sorted(&block["attributes"]) {
            let required = attribute["required"] == true;
            let settable = required || attribute["optional"] == true;
            if !settable {
                continue;
            }
            let (ty, param, init) = attribute_type(&attribute["type"], &core);
            fields.push(Field {
                ident: snake_ident(key),
                key: key.to_owned(),
                ty,
                required,
                param,
                init,
                description: attribute["description"].as_str().map(str::to_owned),
                deprecated: attribute["deprecated"] == true,
            });
        }
        for (key, nested) in sorted(&block["block_types"]) {
            let child = self.nested(name, key, &nested["block"]);
            let min = nested["min_items"].as_u64().unwrap_or(0);
            let max = nested["max_items"].as_u64().unwrap_or(0);
            let single =
                matches!(nested["nesting_mode"].as_str(), Some("single" | "group")) || max == 1;
            let map = nested["nesting_mode"] == "map";
            let required = min >= 1;
            let ty = if map {
                format!("std::collections::BTreeMap<String, {child}>")
            } else if single {
                child.clone()
            } else {
                format!("Vec<{child}>")
            };
            fields.push(Field {
                ident: snake_ident(key),
                key: key.to_owned(),
                param: ty.clone(),
                init: String::new(),
                ty,
                required,
                description: nested["block"]["description"].as_str().map(str::to_owned),
                deprecated: nested["block"]["deprecated"] == true,
            });
        }
        let derive_default = fields.iter().all(|f| !f.required);
        let mut out = String::new();
        let mut description = vec![title];
        if let Some(text) = block["description"].as_str() {
            description.push("");
            description.push(text);
        }
        doc(&mut out, "", &description);
        let _ = writeln!(
            out,
            "#[derive(Clone, Debug{}, serde::Serialize)]\npub struct {name} {{",
            if derive_default { ", Default" } else { "" }
        );
        for field in &fields {
            let presence = if field.required {
                "Required."
            } else {
                "Optional."
            };
            let mut lines = vec![format!("`{}`. {presence}", field.key)];
            if let Some(text) = &field.description {
                lines.push(String::new());
                lines.push(text.clone());
            }
            let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
            doc(&mut out, "    ", &lines);
            if field.deprecated {
                let _ = writeln!(
                    out,
                    "    #[deprecated(note = \"deprecated by the provider; see its documentation\")]"
                );
            }
            if field.ident.trim_start_matches("r#") != field.key {
                let _ = writeln!(out, "    #[serde(rename = {})]", rust_str(&field.key));
            }
            if field.required {
                let _ = writeln!(out, "    pub {}: {},", field.ident, field.ty);
            } else {
                let _ = writeln!(
                    out,
                    "    #[serde(skip_serializing_if = \"Option::is_none\")]\n    pub {}: Option<{}>,",
                    field.ident, field.ty
                );
            }
        }
        out.push_str("}\n\n");
        let deprecated = fields.iter().any(|f| f.deprecated);
        let params: Vec<String> = fields
            .iter()
            .filter(|f| f.required)
            .map(|f| format!("{}: {}", f.ident, f.param))
            .collect();
        let _ = writeln!(out, "impl {name} {{");
        let _ = writeln!(
            out,
            "    /// `{name}` with its required arguments; set the others with \
             `{name} {{ field: Some(..), ..{name}::new(..) }}`."
        );
        if deprecated {
            out.push_str("    #[allow(deprecated)]\n");
        }
        if params.len() > 7 {
            out.push_str("    #[allow(clippy::too_many_arguments)]\n");
        }
        // Inline: compiled where it is used, not for every type of a service.
        let _ = writeln!(
            out,
            "    #[inline]\n    pub fn new({}) -> Self {{\n        Self {{",
            params.join(", ")
        );
        for field in &fields {
            let value = match (field.required, field.init.is_empty()) {
                (true, true) => field.ident.clone(),
                (true, false) => field.init.replace("{}", &field.ident),
                (false, _) => "None".to_owned(),
            };
            if value == field.ident {
                let _ = writeln!(out, "            {},", field.ident);
            } else {
                let _ = writeln!(out, "            {}: {value},", field.ident);
            }
        }
        out.push_str("        }\n    }\n}\n\n");
        self.code.push_str(&out);
    }

    /// The struct of a nested block: one already generated for the same
    /// shape within this resource, or a new one named after its parent.
    fn nested(&mut self, parent: &str, key: &str, block: &Value) -> String {
        let shape = canonical(block);
        if let Some(name) = self.shapes.get(&shape) {
            return name.clone();
        }
        // A nested block named like a resource (`aws_s3_bucket`'s `logging`
        // and `aws_s3_bucket_logging`) gets `Block`, not a number.
        let wanted = format!("{parent}{}", pascal(key));
        let wanted = if self.names.contains(&wanted) {
            format!("{wanted}Block")
        } else {
            wanted
        };
        let name = self.claim(&wanted);
        self.shapes.insert(shape, name.clone());
        let title = format!("The `{key}` block of [`{parent}`].");
        self.structure(&name, &title, block);
        name
    }

    fn finish(self, service: &str) -> String {
        format!(
            "//! {service}: generated by `drsynth-bindgen` from the provider's schema; do not edit.\n\n{}{}",
            self.code,
            self.accessors
        )
        .trim_end()
        .to_owned()
            + "\n"
    }
}

/// A block's JSON with keys sorted at every level.
fn canonical(value: &Value) -> String {
    fn sort(value: &Value) -> Value {
        match value {
            Value::Object(map) => {
                let sorted: BTreeMap<&String, Value> =
                    map.iter().map(|(k, v)| (k, sort(v))).collect();
                Value::Object(sorted.into_iter().map(|(k, v)| (k.clone(), v)).collect())
            }
            Value::Array(items) => Value::Array(items.iter().map(sort).collect()),
            other => other.clone(),
        }
    }
    sort(value).to_string()
}

/// The Rust type of an attribute, the parameter `new` takes for it, and
/// how `new` stores the parameter (`{}` stands for it; empty: as is).
fn attribute_type(ty: &Value, core: &str) -> (String, String, String) {
    let expr = format!("{core}::Expr");
    let number = format!("{core}::Arg<{core}::Number>");
    let boolean = format!("{core}::Arg<bool>");
    let element = |ty: &Value| match ty.as_str() {
        Some("string") => Some(expr.clone()),
        Some("number") => Some(number.clone()),
        Some("bool") => Some(boolean.clone()),
        _ => None,
    };
    match ty.as_str() {
        Some("string") => (
            expr.clone(),
            format!("impl Into<{expr}>"),
            "{}.into()".to_owned(),
        ),
        Some("number") => (
            number.clone(),
            format!("impl Into<{number}>"),
            "{}.into()".to_owned(),
        ),
        Some("bool") => (
            boolean.clone(),
            format!("impl Into<{boolean}>"),
            "{}.into()".to_owned(),
        ),
        _ => {
            let collection = ty[0].as_str();
            let inner = element(&ty[1]);
            match (collection, inner) {
                // Items one by one, or one reference to a whole list.
                (Some("list" | "set"), Some(inner)) => {
                    let list = format!("{core}::List<{inner}>");
                    (
                        list.clone(),
                        format!("impl Into<{list}>"),
                        "{}.into()".to_owned(),
                    )
                }
                (Some("map"), Some(inner)) => {
                    let map = format!("std::collections::BTreeMap<String, {inner}>");
                    (map.clone(), map, String::new())
                }
                _ => (
                    "serde_json::Value".to_owned(),
                    "serde_json::Value".to_owned(),
                    String::new(),
                ),
            }
        }
    }
}

#[cfg(test)]
mod tests;
