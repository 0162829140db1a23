//! Whatever a client sends, the function answers 2xx or 4xx and never
//! panics.

use aws_lambda_events::apigw::ApiGatewayV2httpRequest;
use payment::router::Handler;
use proptest::prelude::*;

use crate::routes::FakeStore;
use crate::{answer, event, request};

fn run(request: &ApiGatewayV2httpRequest) -> (i64, serde_json::Value) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let handler = Handler::new(FakeStore::default(), "us-east-1".to_owned());
    answer(&runtime.block_on(handler.handle(request)))
}

fn client_status(status: i64) -> bool {
    (200..300).contains(&status) || (400..500).contains(&status)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bodies_get_a_client_answer(body in ".{0,300}") {
        let (status, json) = run(&request("POST", "/payment", Some("application/json"), Some(&body)));
        prop_assert!(client_status(status), "{status} for {body:?}");
        if status >= 400 {
            prop_assert!(json["error"].is_string() && json["message"].is_string());
        }
    }

    #[test]
    fn arbitrary_payment_shaped_bodies_get_a_client_answer(
        id in "[ -~]{0,70}",
        amount in prop_oneof!["[0-9.e+-]{0,15}".prop_map(|a| format!("\"{a}\"")), "-?[0-9]{1,12}(\\.[0-9]{0,4})?"],
        currency in "[A-Za-z]{0,4}",
    ) {
        let body = format!(r#"{{"transaction_id":{},"amount":{amount},"currency":"{currency}"}}"#, serde_json::to_string(&id).unwrap());
        let (status, _) = run(&request("POST", "/payment", Some("application/json"), Some(&body)));
        prop_assert!([201, 400, 422].contains(&status), "{status} for {body}");
    }

    #[test]
    fn arbitrary_methods_and_paths_get_a_client_answer(method in "[A-Z]{1,7}", path in "/[a-z/]{0,12}") {
        let (status, _) = run(&request(&method, &path, Some("application/json"), Some("{}")));
        prop_assert!(client_status(status) || status == 503, "{status}");
    }

    #[test]
    fn arbitrary_base64_flags_and_bodies(body in "[A-Za-z0-9+/=]{0,200}") {
        let mut value = event("POST", "/payment", Some("application/json"), Some(&body));
        value["isBase64Encoded"] = serde_json::Value::Bool(true);
        let request: ApiGatewayV2httpRequest = serde_json::from_value(value).unwrap();
        let (status, _) = run(&request);
        prop_assert!(client_status(status), "{status}");
    }
}
