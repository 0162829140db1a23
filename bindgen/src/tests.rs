//! The generator on a small hand-made schema of another provider, with the
//! names that trip generators up.

use serde_json::json;

use super::*;

fn widget() -> Provider {
    Provider {
        source: "registry.terraform.io/acme/widget".to_owned(),
        prefix: "widget".to_owned(),
        core: "crate::core".to_owned(),
        built_in: Vec::new(),
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
        "    #[serde(skip_serializing_if = \"Option::is_none\")]\n    pub ratios: Option<Vec<crate::core::Arg<crate::core::Number>>>,"
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
    assert_eq!(bindings.features, ["widget-gear"]);
    assert_eq!((bindings.resources, bindings.data_sources), (2, 1));
    assert!(bindings.files["mod.rs"].contains(
        "#[cfg(feature = \"widget-gear\")]\n#[doc = \"The `gear` service.\"]\n#[rustfmt::skip]\npub mod gear;"
    ));
    assert_eq!(bindings, generate(&schema(), &widget()).unwrap());
    let block = features_block("widget", &bindings.features);
    assert!(
        block.contains("widget-gear = []\nwidget-all = [\"widget-gear\"]"),
        "{block}"
    );
}

#[test]
fn a_type_the_library_builds_on_is_compiled_always_and_the_rest_of_its_service_waits_for_the_feature()
 {
    let provider = Provider {
        built_in: vec!["widget_gear".to_owned()],
        ..widget()
    };
    let bindings = generate(&schema(), &provider).unwrap();
    let index = &bindings.files["mod.rs"];
    assert!(
        index.contains(
            "compiled always.\n\n#[doc = \"The `gear` service.\"]\n#[rustfmt::skip]\npub mod gear;"
        ),
        "{index}"
    );
    assert_eq!(bindings.features, ["widget-gear"]);
    let gate = "#[cfg(feature = \"widget-gear\")]\n";
    let code = &bindings.files["gear.rs"];
    // Every item of the other resource and of the data source is gated;
    // none of the built-in resource's.
    for item in code.split("\n\n").skip(1) {
        let gated = item.starts_with(gate);
        let of_other_type =
            item.replace("GearSpokeBlock", "").contains("GearSpoke") || item.contains("DataGear");
        assert_eq!(gated, of_other_type, "{item}");
    }
    assert!(
        code.contains(&format!("{gate}impl GearSpokeAttributes {{")),
        "{code}"
    );
    // A nested block is read like an attribute.
    assert!(
        code.contains(
            "    /// `spoke` (a nested block), as a reference.\n    #[inline]\n    pub fn spoke(&self) -> crate::core::Expr {"
        ),
        "{code}"
    );
}

#[test]
fn a_schema_without_the_provider_is_refused_with_the_fix() {
    let error = generate(&json!({"provider_schemas": {}}), &widget()).unwrap_err();
    assert!(
        error.contains("terraform providers schema -json"),
        "{error}"
    );
    let error = with_features("[features]\n", "widget", &[]).unwrap_err();
    assert!(error.contains("BEGIN GENERATED FEATURES"), "{error}");
}

#[test]
fn a_built_in_type_the_schema_lacks_is_refused() {
    let provider = Provider {
        built_in: vec!["data.widget_gear".to_owned(), "widget_cog".to_owned()],
        ..widget()
    };
    let error = generate(&schema(), &provider).unwrap_err();
    assert!(
        error.contains("`widget_cog` is built in but the schema has no such type"),
        "{error}"
    );
}
