//! The generator on a small hand-made schema of another provider, with the
//! names that trip generators up.

use serde_json::json;

use super::*;

fn widget() -> Provider {
    Provider {
        source: "registry.terraform.io/acme/widget".to_owned(),
        prefix: "widget".to_owned(),
        core: "crate::core".to_owned(),
        services: Vec::new(),
    }
}

fn schema() -> Value {
    json!({"provider_schemas": {"registry.terraform.io/acme/widget": {
        "resource_schemas": {
            "widget_gear": {"block": {
                "attributes": {
                    "id": {"type": "string", "optional": true, "computed": true},
                    "arn": {"type": "string", "computed": true},
                    "name": {"type": "string", "required": true, "description": "The gear's name."},
                    "type": {"type": "string", "optional": true},
                    "self": {"type": "bool", "optional": true},
                    "teeth": {"type": "number", "required": true},
                    "ratios": {"type": ["list", "number"], "optional": true},
                    "labels": {"type": ["map", "string"], "optional": true},
                    "legacy": {"type": "string", "optional": true, "deprecated": true},
                    "address": {"type": "string", "computed": true},
                    "shape": {"type": ["object", {"a": "string"}], "optional": true},
                },
                "block_types": {
                    "axle": {"nesting_mode": "list", "max_items": 1, "min_items": 1,
                             "block": {"attributes": {"length": {"type": "number", "required": true}}}},
                    "spoke": {"nesting_mode": "set",
                              "block": {"attributes": {"angle": {"type": "number", "optional": true}}}},
                    "hub": {"nesting_mode": "list", "max_items": 1,
                            "block": {"attributes": {"match": {"type": "string", "optional": true}}}},
                    "rim": {"nesting_mode": "set",
                            "block": {"attributes": {"match": {"type": "string", "optional": true}}}},
                },
            }},
            // Its name is what `widget_gear`'s `spoke` block would be called.
            "widget_gear_spoke": {"block": {"attributes": {
                "gear": {"type": "string", "required": true},
            }}},
        },
        "data_source_schemas": {
            "widget_gear": {"block": {"attributes": {
                "name": {"type": "string", "required": true},
                "teeth": {"type": "number", "computed": true},
            }}},
        },
    }}})
}

fn gear() -> String {
    generate(&schema(), &widget()).unwrap().files["gear.rs"].clone()
}

#[test]
fn required_arguments_are_new_s_parameters_and_optional_ones_options() {
    let code = gear();
    assert!(
        code.contains(
            "pub fn new(name: impl Into<crate::core::Expr>, teeth: impl Into<crate::core::Arg<crate::core::Number>>, axle: GearAxle) -> Self"
        ),
        "{code}"
    );
    assert!(code.contains("    pub name: crate::core::Expr,"));
    assert!(code.contains(
        "    #[serde(skip_serializing_if = \"Option::is_none\")]\n    pub ratios: Option<crate::core::List<crate::core::Arg<crate::core::Number>>>,"
    ));
    assert!(
        code.contains("pub labels: Option<std::collections::BTreeMap<String, crate::core::Expr>>,")
    );
    assert!(code.contains("pub shape: Option<serde_json::Value>,"));
    // Computed-only attributes are not arguments, only references.
    assert!(!code.contains("pub arn:"));
    assert!(
        code.contains("pub fn arn(&self) -> crate::core::Expr {\n        self.0.attr(\"arn\")")
    );
    // A `Ref<Gear>` dereferences to the accessors.
    assert!(
        code.contains(
            "impl crate::core::Block for Gear {\n    type Attributes = GearAttributes;\n}"
        )
    );
    assert!(code.contains("pub struct GearAttributes(crate::core::Reference);"));
    assert!(code.contains("/// The gear's name."));
}

#[test]
fn blocks_are_one_value_or_a_list_by_their_item_limits() {
    let code = gear();
    assert!(code.contains("    pub axle: GearAxle,"), "{code}");
    assert!(code.contains("    pub hub: Option<GearHub>,"), "{code}");
    assert!(
        code.contains("    pub spoke: Option<Vec<GearSpokeBlock>>,"),
        "{code}"
    );
    // `hub` and `rim` have the same shape: one struct serves both.
    assert!(
        code.contains("    pub rim: Option<Vec<GearHub>>,"),
        "{code}"
    );
    assert!(!code.contains("pub struct GearRim"), "{code}");
}

#[test]
fn keywords_and_collisions_get_valid_distinct_names() {
    let code = gear();
    // A keyword field is a raw identifier; `self` cannot be, so it is renamed.
    assert!(
        code.contains("    pub r#type: Option<crate::core::Expr>,"),
        "{code}"
    );
    assert!(
        code.contains(
            "    #[serde(rename = \"self\")]\n    #[serde(skip_serializing_if = \"Option::is_none\")]\n    pub self_: Option<crate::core::Arg<bool>>,"
        ),
        "{code}"
    );
    assert!(
        code.contains("    pub r#match: Option<crate::core::Expr>,"),
        "{code}"
    );
    // The resource keeps its name; the nested block takes `...Block`.
    assert!(
        code.contains("pub struct GearSpoke {\n    /// `gear`. Required."),
        "{code}"
    );
    assert!(code.contains("pub struct GearSpokeBlock {"), "{code}");
    // A data source of the same type has its own struct.
    assert!(code.contains("pub struct DataGear {"), "{code}");
    assert!(
        code.contains("impl crate::core::DataSource for DataGear {"),
        "{code}"
    );
    // An accessor named like a method every Ref has gets a suffix.
    assert!(code.contains("pub fn address_attribute(&self)"), "{code}");
    assert!(code.contains("pub fn r#type(&self)"), "{code}");
    assert!(code.contains("pub fn self_(&self)"), "{code}");
}

#[test]
fn deprecated_arguments_are_marked() {
    let code = gear();
    assert!(code.contains(
        "    #[deprecated(note = \"deprecated by the provider; see its documentation\")]\n    #[serde(skip_serializing_if = \"Option::is_none\")]\n    pub legacy:"
    ), "{code}");
    assert!(
        code.contains("    #[allow(deprecated)]\n    #[inline]\n    pub fn new("),
        "{code}"
    );
}

#[test]
fn services_are_modules_behind_features_and_generation_is_deterministic() {
    let bindings = generate(&schema(), &widget()).unwrap();
    assert_eq!(bindings.features, ["gear"]);
    assert_eq!((bindings.resources, bindings.data_sources), (2, 1));
    assert!(bindings.files["lib.rs"].contains(
        "#[cfg(feature = \"gear\")]\n#[doc = \"gear: the `gear` feature.\"]\n#[rustfmt::skip]\npub mod gear;"
    ));
    assert_eq!(bindings, generate(&schema(), &widget()).unwrap());
    let block = features_block(&bindings.features);
    assert!(block.contains("gear = []\nall = [\"gear\"]"), "{block}");
    // A nested block is read like an attribute.
    let code = gear();
    assert!(
        code.contains(
            "    /// `spoke` (a nested block), as a reference.\n    #[inline]\n    pub fn spoke(&self) -> crate::core::Expr {"
        ),
        "{code}"
    );
}

#[test]
fn a_table_of_services_groups_types_by_their_longest_prefix() {
    let table = "feature\tsubcategory\tprefixes\n\
                 gears\tGears (Toothed)\twidget_gear\n\
                 spokes\tSpokes\twidget_gear_spoke\n";
    let provider = Provider {
        services: parse_services(table),
        ..widget()
    };
    let bindings = generate(&schema(), &provider).unwrap();
    assert_eq!(bindings.features, ["gears", "spokes"]);
    assert!(bindings.files["spokes.rs"].contains("pub struct GearSpoke {"));
    assert!(bindings.files["gears.rs"].contains("pub struct DataGear {"));
    assert!(
        bindings.files["lib.rs"].contains("#[doc = \"Gears (Toothed): the `gears` feature.\"]"),
        "{}",
        bindings.files["lib.rs"]
    );
    // A type no service claims is refused with the fix.
    let provider = Provider {
        services: parse_services(
            "feature\tsubcategory\tprefixes\nspokes\tSpokes\twidget_gear_spoke\n",
        ),
        ..widget()
    };
    let error = generate(&schema(), &provider).unwrap_err();
    assert!(
        error.contains("`widget_gear` belongs to no service of bindgen/services.tsv"),
        "{error}"
    );
}

#[test]
fn a_schema_without_the_provider_is_refused_with_the_fix() {
    let error = generate(&json!({"provider_schemas": {}}), &widget()).unwrap_err();
    assert!(
        error.contains("terraform providers schema -json"),
        "{error}"
    );
    let error = with_features("[features]\n", &[]).unwrap_err();
    assert!(error.contains("BEGIN GENERATED FEATURES"), "{error}");
}
