//! Typed bindings of every resource and data source of `registry.terraform.io/hashicorp/aws`, generated
//! from its schema by `drsynth-bindgen` (`make bindings`); do not edit
//! (rustfmt leaves the modules as generated, so the freshness test can
//! compare them byte for byte).
//! Each service is a module behind the cargo feature `aws-<service>`
//! (`aws-all` enables every one); the types the library builds on are
//! compiled always.

#[cfg(feature = "aws-accessanalyzer")]
#[doc = "The `accessanalyzer` service."]
#[rustfmt::skip]
pub mod accessanalyzer;
#[cfg(feature = "aws-account")]
#[doc = "The `account` service."]
#[rustfmt::skip]
pub mod account;
#[doc = "The `acm` service."]
#[rustfmt::skip]
pub mod acm;
#[cfg(feature = "aws-acmpca")]
#[doc = "The `acmpca` service."]
#[rustfmt::skip]
pub mod acmpca;
#[cfg(feature = "aws-alb")]
#[doc = "The `alb` service."]
#[rustfmt::skip]
pub mod alb;
#[cfg(feature = "aws-ami")]
#[doc = "The `ami` service."]
#[rustfmt::skip]
pub mod ami;
#[cfg(feature = "aws-amplify")]
#[doc = "The `amplify` service."]
#[rustfmt::skip]
pub mod amplify;
#[cfg(feature = "aws-api")]
#[doc = "The `api` service."]
#[rustfmt::skip]
pub mod api;
#[doc = "The `apigatewayv2` service."]
#[rustfmt::skip]
pub mod apigatewayv2;
#[cfg(feature = "aws-app")]
#[doc = "The `app` service."]
#[rustfmt::skip]
pub mod app;
#[cfg(feature = "aws-appautoscaling")]
#[doc = "The `appautoscaling` service."]
#[rustfmt::skip]
pub mod appautoscaling;
#[cfg(feature = "aws-appconfig")]
#[doc = "The `appconfig` service."]
#[rustfmt::skip]
pub mod appconfig;
#[cfg(feature = "aws-appfabric")]
#[doc = "The `appfabric` service."]
#[rustfmt::skip]
pub mod appfabric;
#[cfg(feature = "aws-appflow")]
#[doc = "The `appflow` service."]
#[rustfmt::skip]
pub mod appflow;
#[cfg(feature = "aws-appintegrations")]
#[doc = "The `appintegrations` service."]
#[rustfmt::skip]
pub mod appintegrations;
#[cfg(feature = "aws-applicationinsights")]
#[doc = "The `applicationinsights` service."]
#[rustfmt::skip]
pub mod applicationinsights;
#[cfg(feature = "aws-appmesh")]
#[doc = "The `appmesh` service."]
#[rustfmt::skip]
pub mod appmesh;
#[cfg(feature = "aws-apprunner")]
#[doc = "The `apprunner` service."]
#[rustfmt::skip]
pub mod apprunner;
#[cfg(feature = "aws-appstream")]
#[doc = "The `appstream` service."]
#[rustfmt::skip]
pub mod appstream;
#[cfg(feature = "aws-appsync")]
#[doc = "The `appsync` service."]
#[rustfmt::skip]
pub mod appsync;
#[cfg(feature = "aws-arn")]
#[doc = "The `arn` service."]
#[rustfmt::skip]
pub mod arn;
#[cfg(feature = "aws-athena")]
#[doc = "The `athena` service."]
#[rustfmt::skip]
pub mod athena;
#[cfg(feature = "aws-auditmanager")]
#[doc = "The `auditmanager` service."]
#[rustfmt::skip]
pub mod auditmanager;
#[cfg(feature = "aws-autoscaling")]
#[doc = "The `autoscaling` service."]
#[rustfmt::skip]
pub mod autoscaling;
#[cfg(feature = "aws-autoscalingplans")]
#[doc = "The `autoscalingplans` service."]
#[rustfmt::skip]
pub mod autoscalingplans;
#[cfg(feature = "aws-availability")]
#[doc = "The `availability` service."]
#[rustfmt::skip]
pub mod availability;
#[cfg(feature = "aws-backup")]
#[doc = "The `backup` service."]
#[rustfmt::skip]
pub mod backup;
#[cfg(feature = "aws-batch")]
#[doc = "The `batch` service."]
#[rustfmt::skip]
pub mod batch;
#[cfg(feature = "aws-bcmdataexports")]
#[doc = "The `bcmdataexports` service."]
#[rustfmt::skip]
pub mod bcmdataexports;
#[cfg(feature = "aws-bedrock")]
#[doc = "The `bedrock` service."]
#[rustfmt::skip]
pub mod bedrock;
#[cfg(feature = "aws-bedrockagent")]
#[doc = "The `bedrockagent` service."]
#[rustfmt::skip]
pub mod bedrockagent;
#[cfg(feature = "aws-billing")]
#[doc = "The `billing` service."]
#[rustfmt::skip]
pub mod billing;
#[cfg(feature = "aws-budgets")]
#[doc = "The `budgets` service."]
#[rustfmt::skip]
pub mod budgets;
#[doc = "The `caller` service."]
#[rustfmt::skip]
pub mod caller;
#[cfg(feature = "aws-canonical")]
#[doc = "The `canonical` service."]
#[rustfmt::skip]
pub mod canonical;
#[cfg(feature = "aws-ce")]
#[doc = "The `ce` service."]
#[rustfmt::skip]
pub mod ce;
#[cfg(feature = "aws-chatbot")]
#[doc = "The `chatbot` service."]
#[rustfmt::skip]
pub mod chatbot;
#[cfg(feature = "aws-chime")]
#[doc = "The `chime` service."]
#[rustfmt::skip]
pub mod chime;
#[cfg(feature = "aws-chimesdkmediapipelines")]
#[doc = "The `chimesdkmediapipelines` service."]
#[rustfmt::skip]
pub mod chimesdkmediapipelines;
#[cfg(feature = "aws-chimesdkvoice")]
#[doc = "The `chimesdkvoice` service."]
#[rustfmt::skip]
pub mod chimesdkvoice;
#[cfg(feature = "aws-cleanrooms")]
#[doc = "The `cleanrooms` service."]
#[rustfmt::skip]
pub mod cleanrooms;
#[cfg(feature = "aws-cloud9")]
#[doc = "The `cloud9` service."]
#[rustfmt::skip]
pub mod cloud9;
#[cfg(feature = "aws-cloudcontrolapi")]
#[doc = "The `cloudcontrolapi` service."]
#[rustfmt::skip]
pub mod cloudcontrolapi;
#[cfg(feature = "aws-cloudformation")]
#[doc = "The `cloudformation` service."]
#[rustfmt::skip]
pub mod cloudformation;
#[cfg(feature = "aws-cloudfront")]
#[doc = "The `cloudfront` service."]
#[rustfmt::skip]
pub mod cloudfront;
#[cfg(feature = "aws-cloudfrontkeyvaluestore")]
#[doc = "The `cloudfrontkeyvaluestore` service."]
#[rustfmt::skip]
pub mod cloudfrontkeyvaluestore;
#[cfg(feature = "aws-cloudhsm")]
#[doc = "The `cloudhsm` service."]
#[rustfmt::skip]
pub mod cloudhsm;
#[cfg(feature = "aws-cloudsearch")]
#[doc = "The `cloudsearch` service."]
#[rustfmt::skip]
pub mod cloudsearch;
#[cfg(feature = "aws-cloudtrail")]
#[doc = "The `cloudtrail` service."]
#[rustfmt::skip]
pub mod cloudtrail;
#[doc = "The `cloudwatch` service."]
#[rustfmt::skip]
pub mod cloudwatch;
#[cfg(feature = "aws-codeartifact")]
#[doc = "The `codeartifact` service."]
#[rustfmt::skip]
pub mod codeartifact;
#[cfg(feature = "aws-codebuild")]
#[doc = "The `codebuild` service."]
#[rustfmt::skip]
pub mod codebuild;
#[cfg(feature = "aws-codecatalyst")]
#[doc = "The `codecatalyst` service."]
#[rustfmt::skip]
pub mod codecatalyst;
#[cfg(feature = "aws-codecommit")]
#[doc = "The `codecommit` service."]
#[rustfmt::skip]
pub mod codecommit;
#[cfg(feature = "aws-codeconnections")]
#[doc = "The `codeconnections` service."]
#[rustfmt::skip]
pub mod codeconnections;
#[cfg(feature = "aws-codedeploy")]
#[doc = "The `codedeploy` service."]
#[rustfmt::skip]
pub mod codedeploy;
#[cfg(feature = "aws-codeguruprofiler")]
#[doc = "The `codeguruprofiler` service."]
#[rustfmt::skip]
pub mod codeguruprofiler;
#[cfg(feature = "aws-codegurureviewer")]
#[doc = "The `codegurureviewer` service."]
#[rustfmt::skip]
pub mod codegurureviewer;
#[cfg(feature = "aws-codepipeline")]
#[doc = "The `codepipeline` service."]
#[rustfmt::skip]
pub mod codepipeline;
#[cfg(feature = "aws-codestarconnections")]
#[doc = "The `codestarconnections` service."]
#[rustfmt::skip]
pub mod codestarconnections;
#[cfg(feature = "aws-codestarnotifications")]
#[doc = "The `codestarnotifications` service."]
#[rustfmt::skip]
pub mod codestarnotifications;
#[cfg(feature = "aws-cognito")]
#[doc = "The `cognito` service."]
#[rustfmt::skip]
pub mod cognito;
#[cfg(feature = "aws-comprehend")]
#[doc = "The `comprehend` service."]
#[rustfmt::skip]
pub mod comprehend;
#[cfg(feature = "aws-computeoptimizer")]
#[doc = "The `computeoptimizer` service."]
#[rustfmt::skip]
pub mod computeoptimizer;
#[cfg(feature = "aws-config")]
#[doc = "The `config` service."]
#[rustfmt::skip]
pub mod config;
#[cfg(feature = "aws-connect")]
#[doc = "The `connect` service."]
#[rustfmt::skip]
pub mod connect;
#[cfg(feature = "aws-controltower")]
#[doc = "The `controltower` service."]
#[rustfmt::skip]
pub mod controltower;
#[cfg(feature = "aws-costoptimizationhub")]
#[doc = "The `costoptimizationhub` service."]
#[rustfmt::skip]
pub mod costoptimizationhub;
#[cfg(feature = "aws-cur")]
#[doc = "The `cur` service."]
#[rustfmt::skip]
pub mod cur;
#[cfg(feature = "aws-customer")]
#[doc = "The `customer` service."]
#[rustfmt::skip]
pub mod customer;
#[cfg(feature = "aws-customerprofiles")]
#[doc = "The `customerprofiles` service."]
#[rustfmt::skip]
pub mod customerprofiles;
#[cfg(feature = "aws-dataexchange")]
#[doc = "The `dataexchange` service."]
#[rustfmt::skip]
pub mod dataexchange;
#[cfg(feature = "aws-datapipeline")]
#[doc = "The `datapipeline` service."]
#[rustfmt::skip]
pub mod datapipeline;
#[cfg(feature = "aws-datasync")]
#[doc = "The `datasync` service."]
#[rustfmt::skip]
pub mod datasync;
#[cfg(feature = "aws-datazone")]
#[doc = "The `datazone` service."]
#[rustfmt::skip]
pub mod datazone;
#[cfg(feature = "aws-dax")]
#[doc = "The `dax` service."]
#[rustfmt::skip]
pub mod dax;
#[cfg(feature = "aws-db")]
#[doc = "The `db` service."]
#[rustfmt::skip]
pub mod db;
#[doc = "The `default` service."]
#[rustfmt::skip]
pub mod default;
#[cfg(feature = "aws-detective")]
#[doc = "The `detective` service."]
#[rustfmt::skip]
pub mod detective;
#[cfg(feature = "aws-devicefarm")]
#[doc = "The `devicefarm` service."]
#[rustfmt::skip]
pub mod devicefarm;
#[cfg(feature = "aws-devopsguru")]
#[doc = "The `devopsguru` service."]
#[rustfmt::skip]
pub mod devopsguru;
#[cfg(feature = "aws-directory")]
#[doc = "The `directory` service."]
#[rustfmt::skip]
pub mod directory;
#[cfg(feature = "aws-dlm")]
#[doc = "The `dlm` service."]
#[rustfmt::skip]
pub mod dlm;
#[cfg(feature = "aws-dms")]
#[doc = "The `dms` service."]
#[rustfmt::skip]
pub mod dms;
#[cfg(feature = "aws-docdb")]
#[doc = "The `docdb` service."]
#[rustfmt::skip]
pub mod docdb;
#[cfg(feature = "aws-docdbelastic")]
#[doc = "The `docdbelastic` service."]
#[rustfmt::skip]
pub mod docdbelastic;
#[cfg(feature = "aws-drs")]
#[doc = "The `drs` service."]
#[rustfmt::skip]
pub mod drs;
#[cfg(feature = "aws-dsql")]
#[doc = "The `dsql` service."]
#[rustfmt::skip]
pub mod dsql;
#[cfg(feature = "aws-dx")]
#[doc = "The `dx` service."]
#[rustfmt::skip]
pub mod dx;
#[doc = "The `dynamodb` service."]
#[rustfmt::skip]
pub mod dynamodb;
#[cfg(feature = "aws-ebs")]
#[doc = "The `ebs` service."]
#[rustfmt::skip]
pub mod ebs;
#[cfg(feature = "aws-ec2")]
#[doc = "The `ec2` service."]
#[rustfmt::skip]
pub mod ec2;
#[cfg(feature = "aws-ecr")]
#[doc = "The `ecr` service."]
#[rustfmt::skip]
pub mod ecr;
#[cfg(feature = "aws-ecrpublic")]
#[doc = "The `ecrpublic` service."]
#[rustfmt::skip]
pub mod ecrpublic;
#[cfg(feature = "aws-ecs")]
#[doc = "The `ecs` service."]
#[rustfmt::skip]
pub mod ecs;
#[cfg(feature = "aws-efs")]
#[doc = "The `efs` service."]
#[rustfmt::skip]
pub mod efs;
#[cfg(feature = "aws-egress")]
#[doc = "The `egress` service."]
#[rustfmt::skip]
pub mod egress;
#[cfg(feature = "aws-eip")]
#[doc = "The `eip` service."]
#[rustfmt::skip]
pub mod eip;
#[cfg(feature = "aws-eips")]
#[doc = "The `eips` service."]
#[rustfmt::skip]
pub mod eips;
#[cfg(feature = "aws-eks")]
#[doc = "The `eks` service."]
#[rustfmt::skip]
pub mod eks;
#[cfg(feature = "aws-elastic")]
#[doc = "The `elastic` service."]
#[rustfmt::skip]
pub mod elastic;
#[cfg(feature = "aws-elasticache")]
#[doc = "The `elasticache` service."]
#[rustfmt::skip]
pub mod elasticache;
#[cfg(feature = "aws-elasticsearch")]
#[doc = "The `elasticsearch` service."]
#[rustfmt::skip]
pub mod elasticsearch;
#[cfg(feature = "aws-elastictranscoder")]
#[doc = "The `elastictranscoder` service."]
#[rustfmt::skip]
pub mod elastictranscoder;
#[cfg(feature = "aws-elb")]
#[doc = "The `elb` service."]
#[rustfmt::skip]
pub mod elb;
#[cfg(feature = "aws-emr")]
#[doc = "The `emr` service."]
#[rustfmt::skip]
pub mod emr;
#[cfg(feature = "aws-emrcontainers")]
#[doc = "The `emrcontainers` service."]
#[rustfmt::skip]
pub mod emrcontainers;
#[cfg(feature = "aws-emrserverless")]
#[doc = "The `emrserverless` service."]
#[rustfmt::skip]
pub mod emrserverless;
#[cfg(feature = "aws-evidently")]
#[doc = "The `evidently` service."]
#[rustfmt::skip]
pub mod evidently;
#[cfg(feature = "aws-finspace")]
#[doc = "The `finspace` service."]
#[rustfmt::skip]
pub mod finspace;
#[cfg(feature = "aws-fis")]
#[doc = "The `fis` service."]
#[rustfmt::skip]
pub mod fis;
#[doc = "The `flow` service."]
#[rustfmt::skip]
pub mod flow;
#[cfg(feature = "aws-fms")]
#[doc = "The `fms` service."]
#[rustfmt::skip]
pub mod fms;
#[cfg(feature = "aws-fsx")]
#[doc = "The `fsx` service."]
#[rustfmt::skip]
pub mod fsx;
#[cfg(feature = "aws-gamelift")]
#[doc = "The `gamelift` service."]
#[rustfmt::skip]
pub mod gamelift;
#[cfg(feature = "aws-glacier")]
#[doc = "The `glacier` service."]
#[rustfmt::skip]
pub mod glacier;
#[cfg(feature = "aws-globalaccelerator")]
#[doc = "The `globalaccelerator` service."]
#[rustfmt::skip]
pub mod globalaccelerator;
#[cfg(feature = "aws-glue")]
#[doc = "The `glue` service."]
#[rustfmt::skip]
pub mod glue;
#[cfg(feature = "aws-grafana")]
#[doc = "The `grafana` service."]
#[rustfmt::skip]
pub mod grafana;
#[cfg(feature = "aws-guardduty")]
#[doc = "The `guardduty` service."]
#[rustfmt::skip]
pub mod guardduty;
#[doc = "The `iam` service."]
#[rustfmt::skip]
pub mod iam;
#[cfg(feature = "aws-identitystore")]
#[doc = "The `identitystore` service."]
#[rustfmt::skip]
pub mod identitystore;
#[cfg(feature = "aws-imagebuilder")]
#[doc = "The `imagebuilder` service."]
#[rustfmt::skip]
pub mod imagebuilder;
#[cfg(feature = "aws-inspector")]
#[doc = "The `inspector` service."]
#[rustfmt::skip]
pub mod inspector;
#[cfg(feature = "aws-inspector2")]
#[doc = "The `inspector2` service."]
#[rustfmt::skip]
pub mod inspector2;
#[cfg(feature = "aws-instance")]
#[doc = "The `instance` service."]
#[rustfmt::skip]
pub mod instance;
#[cfg(feature = "aws-instances")]
#[doc = "The `instances` service."]
#[rustfmt::skip]
pub mod instances;
#[cfg(feature = "aws-internet")]
#[doc = "The `internet` service."]
#[rustfmt::skip]
pub mod internet;
#[cfg(feature = "aws-internetmonitor")]
#[doc = "The `internetmonitor` service."]
#[rustfmt::skip]
pub mod internetmonitor;
#[cfg(feature = "aws-iot")]
#[doc = "The `iot` service."]
#[rustfmt::skip]
pub mod iot;
#[cfg(feature = "aws-ip")]
#[doc = "The `ip` service."]
#[rustfmt::skip]
pub mod ip;
#[cfg(feature = "aws-ivs")]
#[doc = "The `ivs` service."]
#[rustfmt::skip]
pub mod ivs;
#[cfg(feature = "aws-ivschat")]
#[doc = "The `ivschat` service."]
#[rustfmt::skip]
pub mod ivschat;
#[cfg(feature = "aws-kendra")]
#[doc = "The `kendra` service."]
#[rustfmt::skip]
pub mod kendra;
#[cfg(feature = "aws-key")]
#[doc = "The `key` service."]
#[rustfmt::skip]
pub mod key;
#[cfg(feature = "aws-keyspaces")]
#[doc = "The `keyspaces` service."]
#[rustfmt::skip]
pub mod keyspaces;
#[cfg(feature = "aws-kinesis")]
#[doc = "The `kinesis` service."]
#[rustfmt::skip]
pub mod kinesis;
#[cfg(feature = "aws-kinesisanalyticsv2")]
#[doc = "The `kinesisanalyticsv2` service."]
#[rustfmt::skip]
pub mod kinesisanalyticsv2;
#[doc = "The `kms` service."]
#[rustfmt::skip]
pub mod kms;
#[cfg(feature = "aws-lakeformation")]
#[doc = "The `lakeformation` service."]
#[rustfmt::skip]
pub mod lakeformation;
#[doc = "The `lambda` service."]
#[rustfmt::skip]
pub mod lambda;
#[cfg(feature = "aws-launch")]
#[doc = "The `launch` service."]
#[rustfmt::skip]
pub mod launch;
#[cfg(feature = "aws-lb")]
#[doc = "The `lb` service."]
#[rustfmt::skip]
pub mod lb;
#[cfg(feature = "aws-lbs")]
#[doc = "The `lbs` service."]
#[rustfmt::skip]
pub mod lbs;
#[cfg(feature = "aws-lex")]
#[doc = "The `lex` service."]
#[rustfmt::skip]
pub mod lex;
#[cfg(feature = "aws-lexv2models")]
#[doc = "The `lexv2models` service."]
#[rustfmt::skip]
pub mod lexv2models;
#[cfg(feature = "aws-licensemanager")]
#[doc = "The `licensemanager` service."]
#[rustfmt::skip]
pub mod licensemanager;
#[cfg(feature = "aws-lightsail")]
#[doc = "The `lightsail` service."]
#[rustfmt::skip]
pub mod lightsail;
#[cfg(feature = "aws-load")]
#[doc = "The `load` service."]
#[rustfmt::skip]
pub mod load;
#[cfg(feature = "aws-location")]
#[doc = "The `location` service."]
#[rustfmt::skip]
pub mod location;
#[cfg(feature = "aws-m2")]
#[doc = "The `m2` service."]
#[rustfmt::skip]
pub mod m2;
#[cfg(feature = "aws-macie2")]
#[doc = "The `macie2` service."]
#[rustfmt::skip]
pub mod macie2;
#[cfg(feature = "aws-main")]
#[doc = "The `main` service."]
#[rustfmt::skip]
pub mod main;
#[cfg(feature = "aws-media")]
#[doc = "The `media` service."]
#[rustfmt::skip]
pub mod media;
#[cfg(feature = "aws-medialive")]
#[doc = "The `medialive` service."]
#[rustfmt::skip]
pub mod medialive;
#[cfg(feature = "aws-memorydb")]
#[doc = "The `memorydb` service."]
#[rustfmt::skip]
pub mod memorydb;
#[cfg(feature = "aws-mq")]
#[doc = "The `mq` service."]
#[rustfmt::skip]
pub mod mq;
#[cfg(feature = "aws-msk")]
#[doc = "The `msk` service."]
#[rustfmt::skip]
pub mod msk;
#[cfg(feature = "aws-mskconnect")]
#[doc = "The `mskconnect` service."]
#[rustfmt::skip]
pub mod mskconnect;
#[cfg(feature = "aws-mwaa")]
#[doc = "The `mwaa` service."]
#[rustfmt::skip]
pub mod mwaa;
#[cfg(feature = "aws-nat")]
#[doc = "The `nat` service."]
#[rustfmt::skip]
pub mod nat;
#[cfg(feature = "aws-neptune")]
#[doc = "The `neptune` service."]
#[rustfmt::skip]
pub mod neptune;
#[cfg(feature = "aws-neptunegraph")]
#[doc = "The `neptunegraph` service."]
#[rustfmt::skip]
pub mod neptunegraph;
#[cfg(feature = "aws-network")]
#[doc = "The `network` service."]
#[rustfmt::skip]
pub mod network;
#[cfg(feature = "aws-networkfirewall")]
#[doc = "The `networkfirewall` service."]
#[rustfmt::skip]
pub mod networkfirewall;
#[cfg(feature = "aws-networkmanager")]
#[doc = "The `networkmanager` service."]
#[rustfmt::skip]
pub mod networkmanager;
#[cfg(feature = "aws-networkmonitor")]
#[doc = "The `networkmonitor` service."]
#[rustfmt::skip]
pub mod networkmonitor;
#[cfg(feature = "aws-notifications")]
#[doc = "The `notifications` service."]
#[rustfmt::skip]
pub mod notifications;
#[cfg(feature = "aws-notificationscontacts")]
#[doc = "The `notificationscontacts` service."]
#[rustfmt::skip]
pub mod notificationscontacts;
#[cfg(feature = "aws-oam")]
#[doc = "The `oam` service."]
#[rustfmt::skip]
pub mod oam;
#[cfg(feature = "aws-opensearch")]
#[doc = "The `opensearch` service."]
#[rustfmt::skip]
pub mod opensearch;
#[cfg(feature = "aws-opensearchserverless")]
#[doc = "The `opensearchserverless` service."]
#[rustfmt::skip]
pub mod opensearchserverless;
#[cfg(feature = "aws-opsworks")]
#[doc = "The `opsworks` service."]
#[rustfmt::skip]
pub mod opsworks;
#[cfg(feature = "aws-organizations")]
#[doc = "The `organizations` service."]
#[rustfmt::skip]
pub mod organizations;
#[cfg(feature = "aws-osis")]
#[doc = "The `osis` service."]
#[rustfmt::skip]
pub mod osis;
#[cfg(feature = "aws-outposts")]
#[doc = "The `outposts` service."]
#[rustfmt::skip]
pub mod outposts;
#[doc = "The `partition` service."]
#[rustfmt::skip]
pub mod partition;
#[cfg(feature = "aws-paymentcryptography")]
#[doc = "The `paymentcryptography` service."]
#[rustfmt::skip]
pub mod paymentcryptography;
#[cfg(feature = "aws-pinpoint")]
#[doc = "The `pinpoint` service."]
#[rustfmt::skip]
pub mod pinpoint;
#[cfg(feature = "aws-pinpointsmsvoicev2")]
#[doc = "The `pinpointsmsvoicev2` service."]
#[rustfmt::skip]
pub mod pinpointsmsvoicev2;
#[cfg(feature = "aws-pipes")]
#[doc = "The `pipes` service."]
#[rustfmt::skip]
pub mod pipes;
#[cfg(feature = "aws-placement")]
#[doc = "The `placement` service."]
#[rustfmt::skip]
pub mod placement;
#[cfg(feature = "aws-polly")]
#[doc = "The `polly` service."]
#[rustfmt::skip]
pub mod polly;
#[cfg(feature = "aws-prefix")]
#[doc = "The `prefix` service."]
#[rustfmt::skip]
pub mod prefix;
#[cfg(feature = "aws-pricing")]
#[doc = "The `pricing` service."]
#[rustfmt::skip]
pub mod pricing;
#[cfg(feature = "aws-prometheus")]
#[doc = "The `prometheus` service."]
#[rustfmt::skip]
pub mod prometheus;
#[cfg(feature = "aws-proxy")]
#[doc = "The `proxy` service."]
#[rustfmt::skip]
pub mod proxy;
#[cfg(feature = "aws-qbusiness")]
#[doc = "The `qbusiness` service."]
#[rustfmt::skip]
pub mod qbusiness;
#[cfg(feature = "aws-qldb")]
#[doc = "The `qldb` service."]
#[rustfmt::skip]
pub mod qldb;
#[cfg(feature = "aws-quicksight")]
#[doc = "The `quicksight` service."]
#[rustfmt::skip]
pub mod quicksight;
#[cfg(feature = "aws-ram")]
#[doc = "The `ram` service."]
#[rustfmt::skip]
pub mod ram;
#[cfg(feature = "aws-rbin")]
#[doc = "The `rbin` service."]
#[rustfmt::skip]
pub mod rbin;
#[cfg(feature = "aws-rds")]
#[doc = "The `rds` service."]
#[rustfmt::skip]
pub mod rds;
#[cfg(feature = "aws-redshift")]
#[doc = "The `redshift` service."]
#[rustfmt::skip]
pub mod redshift;
#[cfg(feature = "aws-redshiftdata")]
#[doc = "The `redshiftdata` service."]
#[rustfmt::skip]
pub mod redshiftdata;
#[cfg(feature = "aws-redshiftserverless")]
#[doc = "The `redshiftserverless` service."]
#[rustfmt::skip]
pub mod redshiftserverless;
#[cfg(feature = "aws-region")]
#[doc = "The `region` service."]
#[rustfmt::skip]
pub mod region;
#[cfg(feature = "aws-regions")]
#[doc = "The `regions` service."]
#[rustfmt::skip]
pub mod regions;
#[cfg(feature = "aws-rekognition")]
#[doc = "The `rekognition` service."]
#[rustfmt::skip]
pub mod rekognition;
#[cfg(feature = "aws-resiliencehub")]
#[doc = "The `resiliencehub` service."]
#[rustfmt::skip]
pub mod resiliencehub;
#[cfg(feature = "aws-resourceexplorer2")]
#[doc = "The `resourceexplorer2` service."]
#[rustfmt::skip]
pub mod resourceexplorer2;
#[cfg(feature = "aws-resourcegroups")]
#[doc = "The `resourcegroups` service."]
#[rustfmt::skip]
pub mod resourcegroups;
#[cfg(feature = "aws-resourcegroupstaggingapi")]
#[doc = "The `resourcegroupstaggingapi` service."]
#[rustfmt::skip]
pub mod resourcegroupstaggingapi;
#[cfg(feature = "aws-rolesanywhere")]
#[doc = "The `rolesanywhere` service."]
#[rustfmt::skip]
pub mod rolesanywhere;
#[cfg(feature = "aws-route")]
#[doc = "The `route` service."]
#[rustfmt::skip]
pub mod route;
#[doc = "The `route53` service."]
#[rustfmt::skip]
pub mod route53;
#[cfg(feature = "aws-route53domains")]
#[doc = "The `route53domains` service."]
#[rustfmt::skip]
pub mod route53domains;
#[cfg(feature = "aws-route53profiles")]
#[doc = "The `route53profiles` service."]
#[rustfmt::skip]
pub mod route53profiles;
#[doc = "The `route53recoverycontrolconfig` service."]
#[rustfmt::skip]
pub mod route53recoverycontrolconfig;
#[cfg(feature = "aws-route53recoveryreadiness")]
#[doc = "The `route53recoveryreadiness` service."]
#[rustfmt::skip]
pub mod route53recoveryreadiness;
#[cfg(feature = "aws-rum")]
#[doc = "The `rum` service."]
#[rustfmt::skip]
pub mod rum;
#[doc = "The `s3` service."]
#[rustfmt::skip]
pub mod s3;
#[cfg(feature = "aws-s3control")]
#[doc = "The `s3control` service."]
#[rustfmt::skip]
pub mod s3control;
#[cfg(feature = "aws-s3outposts")]
#[doc = "The `s3outposts` service."]
#[rustfmt::skip]
pub mod s3outposts;
#[cfg(feature = "aws-s3tables")]
#[doc = "The `s3tables` service."]
#[rustfmt::skip]
pub mod s3tables;
#[cfg(feature = "aws-sagemaker")]
#[doc = "The `sagemaker` service."]
#[rustfmt::skip]
pub mod sagemaker;
#[cfg(feature = "aws-scheduler")]
#[doc = "The `scheduler` service."]
#[rustfmt::skip]
pub mod scheduler;
#[cfg(feature = "aws-schemas")]
#[doc = "The `schemas` service."]
#[rustfmt::skip]
pub mod schemas;
#[cfg(feature = "aws-secretsmanager")]
#[doc = "The `secretsmanager` service."]
#[rustfmt::skip]
pub mod secretsmanager;
#[doc = "The `security` service."]
#[rustfmt::skip]
pub mod security;
#[cfg(feature = "aws-securityhub")]
#[doc = "The `securityhub` service."]
#[rustfmt::skip]
pub mod securityhub;
#[cfg(feature = "aws-securitylake")]
#[doc = "The `securitylake` service."]
#[rustfmt::skip]
pub mod securitylake;
#[cfg(feature = "aws-serverlessapplicationrepository")]
#[doc = "The `serverlessapplicationrepository` service."]
#[rustfmt::skip]
pub mod serverlessapplicationrepository;
#[cfg(feature = "aws-service")]
#[doc = "The `service` service."]
#[rustfmt::skip]
pub mod service;
#[cfg(feature = "aws-servicecatalog")]
#[doc = "The `servicecatalog` service."]
#[rustfmt::skip]
pub mod servicecatalog;
#[cfg(feature = "aws-servicecatalogappregistry")]
#[doc = "The `servicecatalogappregistry` service."]
#[rustfmt::skip]
pub mod servicecatalogappregistry;
#[cfg(feature = "aws-servicequotas")]
#[doc = "The `servicequotas` service."]
#[rustfmt::skip]
pub mod servicequotas;
#[cfg(feature = "aws-ses")]
#[doc = "The `ses` service."]
#[rustfmt::skip]
pub mod ses;
#[cfg(feature = "aws-sesv2")]
#[doc = "The `sesv2` service."]
#[rustfmt::skip]
pub mod sesv2;
#[cfg(feature = "aws-sfn")]
#[doc = "The `sfn` service."]
#[rustfmt::skip]
pub mod sfn;
#[cfg(feature = "aws-shield")]
#[doc = "The `shield` service."]
#[rustfmt::skip]
pub mod shield;
#[cfg(feature = "aws-signer")]
#[doc = "The `signer` service."]
#[rustfmt::skip]
pub mod signer;
#[cfg(feature = "aws-simpledb")]
#[doc = "The `simpledb` service."]
#[rustfmt::skip]
pub mod simpledb;
#[cfg(feature = "aws-snapshot")]
#[doc = "The `snapshot` service."]
#[rustfmt::skip]
pub mod snapshot;
#[doc = "The `sns` service."]
#[rustfmt::skip]
pub mod sns;
#[cfg(feature = "aws-spot")]
#[doc = "The `spot` service."]
#[rustfmt::skip]
pub mod spot;
#[doc = "The `sqs` service."]
#[rustfmt::skip]
pub mod sqs;
#[cfg(feature = "aws-ssm")]
#[doc = "The `ssm` service."]
#[rustfmt::skip]
pub mod ssm;
#[cfg(feature = "aws-ssmcontacts")]
#[doc = "The `ssmcontacts` service."]
#[rustfmt::skip]
pub mod ssmcontacts;
#[cfg(feature = "aws-ssmincidents")]
#[doc = "The `ssmincidents` service."]
#[rustfmt::skip]
pub mod ssmincidents;
#[cfg(feature = "aws-ssmquicksetup")]
#[doc = "The `ssmquicksetup` service."]
#[rustfmt::skip]
pub mod ssmquicksetup;
#[cfg(feature = "aws-ssoadmin")]
#[doc = "The `ssoadmin` service."]
#[rustfmt::skip]
pub mod ssoadmin;
#[cfg(feature = "aws-storagegateway")]
#[doc = "The `storagegateway` service."]
#[rustfmt::skip]
pub mod storagegateway;
#[doc = "The `subnet` service."]
#[rustfmt::skip]
pub mod subnet;
#[cfg(feature = "aws-subnets")]
#[doc = "The `subnets` service."]
#[rustfmt::skip]
pub mod subnets;
#[cfg(feature = "aws-swf")]
#[doc = "The `swf` service."]
#[rustfmt::skip]
pub mod swf;
#[cfg(feature = "aws-synthetics")]
#[doc = "The `synthetics` service."]
#[rustfmt::skip]
pub mod synthetics;
#[cfg(feature = "aws-timestreaminfluxdb")]
#[doc = "The `timestreaminfluxdb` service."]
#[rustfmt::skip]
pub mod timestreaminfluxdb;
#[cfg(feature = "aws-timestreamquery")]
#[doc = "The `timestreamquery` service."]
#[rustfmt::skip]
pub mod timestreamquery;
#[cfg(feature = "aws-timestreamwrite")]
#[doc = "The `timestreamwrite` service."]
#[rustfmt::skip]
pub mod timestreamwrite;
#[cfg(feature = "aws-transcribe")]
#[doc = "The `transcribe` service."]
#[rustfmt::skip]
pub mod transcribe;
#[cfg(feature = "aws-transfer")]
#[doc = "The `transfer` service."]
#[rustfmt::skip]
pub mod transfer;
#[cfg(feature = "aws-verifiedaccess")]
#[doc = "The `verifiedaccess` service."]
#[rustfmt::skip]
pub mod verifiedaccess;
#[cfg(feature = "aws-verifiedpermissions")]
#[doc = "The `verifiedpermissions` service."]
#[rustfmt::skip]
pub mod verifiedpermissions;
#[cfg(feature = "aws-volume")]
#[doc = "The `volume` service."]
#[rustfmt::skip]
pub mod volume;
#[doc = "The `vpc` service."]
#[rustfmt::skip]
pub mod vpc;
#[cfg(feature = "aws-vpclattice")]
#[doc = "The `vpclattice` service."]
#[rustfmt::skip]
pub mod vpclattice;
#[cfg(feature = "aws-vpcs")]
#[doc = "The `vpcs` service."]
#[rustfmt::skip]
pub mod vpcs;
#[cfg(feature = "aws-vpn")]
#[doc = "The `vpn` service."]
#[rustfmt::skip]
pub mod vpn;
#[cfg(feature = "aws-waf")]
#[doc = "The `waf` service."]
#[rustfmt::skip]
pub mod waf;
#[cfg(feature = "aws-wafregional")]
#[doc = "The `wafregional` service."]
#[rustfmt::skip]
pub mod wafregional;
#[cfg(feature = "aws-wafv2")]
#[doc = "The `wafv2` service."]
#[rustfmt::skip]
pub mod wafv2;
#[cfg(feature = "aws-worklink")]
#[doc = "The `worklink` service."]
#[rustfmt::skip]
pub mod worklink;
#[cfg(feature = "aws-workspaces")]
#[doc = "The `workspaces` service."]
#[rustfmt::skip]
pub mod workspaces;
#[cfg(feature = "aws-workspacesweb")]
#[doc = "The `workspacesweb` service."]
#[rustfmt::skip]
pub mod workspacesweb;
#[cfg(feature = "aws-xray")]
#[doc = "The `xray` service."]
#[rustfmt::skip]
pub mod xray;
