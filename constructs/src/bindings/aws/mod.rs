//! Typed bindings of every resource and data source of `registry.terraform.io/hashicorp/aws`, generated
//! from its schema by `drsynth-bindgen` (`make bindings`); do not edit.
//! Each service is a module behind the cargo feature `aws-<service>`
//! (`aws-all` enables every one).

#[cfg(feature = "aws-accessanalyzer")]
#[doc = "The `accessanalyzer` service."]
pub mod accessanalyzer;
#[cfg(feature = "aws-account")]
#[doc = "The `account` service."]
pub mod account;
#[cfg(feature = "aws-acm")]
#[doc = "The `acm` service."]
pub mod acm;
#[cfg(feature = "aws-acmpca")]
#[doc = "The `acmpca` service."]
pub mod acmpca;
#[cfg(feature = "aws-alb")]
#[doc = "The `alb` service."]
pub mod alb;
#[cfg(feature = "aws-ami")]
#[doc = "The `ami` service."]
pub mod ami;
#[cfg(feature = "aws-amplify")]
#[doc = "The `amplify` service."]
pub mod amplify;
#[cfg(feature = "aws-api")]
#[doc = "The `api` service."]
pub mod api;
#[cfg(feature = "aws-apigatewayv2")]
#[doc = "The `apigatewayv2` service."]
pub mod apigatewayv2;
#[cfg(feature = "aws-app")]
#[doc = "The `app` service."]
pub mod app;
#[cfg(feature = "aws-appautoscaling")]
#[doc = "The `appautoscaling` service."]
pub mod appautoscaling;
#[cfg(feature = "aws-appconfig")]
#[doc = "The `appconfig` service."]
pub mod appconfig;
#[cfg(feature = "aws-appfabric")]
#[doc = "The `appfabric` service."]
pub mod appfabric;
#[cfg(feature = "aws-appflow")]
#[doc = "The `appflow` service."]
pub mod appflow;
#[cfg(feature = "aws-appintegrations")]
#[doc = "The `appintegrations` service."]
pub mod appintegrations;
#[cfg(feature = "aws-applicationinsights")]
#[doc = "The `applicationinsights` service."]
pub mod applicationinsights;
#[cfg(feature = "aws-appmesh")]
#[doc = "The `appmesh` service."]
pub mod appmesh;
#[cfg(feature = "aws-apprunner")]
#[doc = "The `apprunner` service."]
pub mod apprunner;
#[cfg(feature = "aws-appstream")]
#[doc = "The `appstream` service."]
pub mod appstream;
#[cfg(feature = "aws-appsync")]
#[doc = "The `appsync` service."]
pub mod appsync;
#[cfg(feature = "aws-arn")]
#[doc = "The `arn` service."]
pub mod arn;
#[cfg(feature = "aws-athena")]
#[doc = "The `athena` service."]
pub mod athena;
#[cfg(feature = "aws-auditmanager")]
#[doc = "The `auditmanager` service."]
pub mod auditmanager;
#[cfg(feature = "aws-autoscaling")]
#[doc = "The `autoscaling` service."]
pub mod autoscaling;
#[cfg(feature = "aws-autoscalingplans")]
#[doc = "The `autoscalingplans` service."]
pub mod autoscalingplans;
#[cfg(feature = "aws-availability")]
#[doc = "The `availability` service."]
pub mod availability;
#[cfg(feature = "aws-backup")]
#[doc = "The `backup` service."]
pub mod backup;
#[cfg(feature = "aws-batch")]
#[doc = "The `batch` service."]
pub mod batch;
#[cfg(feature = "aws-bcmdataexports")]
#[doc = "The `bcmdataexports` service."]
pub mod bcmdataexports;
#[cfg(feature = "aws-bedrock")]
#[doc = "The `bedrock` service."]
pub mod bedrock;
#[cfg(feature = "aws-bedrockagent")]
#[doc = "The `bedrockagent` service."]
pub mod bedrockagent;
#[cfg(feature = "aws-billing")]
#[doc = "The `billing` service."]
pub mod billing;
#[cfg(feature = "aws-budgets")]
#[doc = "The `budgets` service."]
pub mod budgets;
#[cfg(feature = "aws-caller")]
#[doc = "The `caller` service."]
pub mod caller;
#[cfg(feature = "aws-canonical")]
#[doc = "The `canonical` service."]
pub mod canonical;
#[cfg(feature = "aws-ce")]
#[doc = "The `ce` service."]
pub mod ce;
#[cfg(feature = "aws-chatbot")]
#[doc = "The `chatbot` service."]
pub mod chatbot;
#[cfg(feature = "aws-chime")]
#[doc = "The `chime` service."]
pub mod chime;
#[cfg(feature = "aws-chimesdkmediapipelines")]
#[doc = "The `chimesdkmediapipelines` service."]
pub mod chimesdkmediapipelines;
#[cfg(feature = "aws-chimesdkvoice")]
#[doc = "The `chimesdkvoice` service."]
pub mod chimesdkvoice;
#[cfg(feature = "aws-cleanrooms")]
#[doc = "The `cleanrooms` service."]
pub mod cleanrooms;
#[cfg(feature = "aws-cloud9")]
#[doc = "The `cloud9` service."]
pub mod cloud9;
#[cfg(feature = "aws-cloudcontrolapi")]
#[doc = "The `cloudcontrolapi` service."]
pub mod cloudcontrolapi;
#[cfg(feature = "aws-cloudformation")]
#[doc = "The `cloudformation` service."]
pub mod cloudformation;
#[cfg(feature = "aws-cloudfront")]
#[doc = "The `cloudfront` service."]
pub mod cloudfront;
#[cfg(feature = "aws-cloudfrontkeyvaluestore")]
#[doc = "The `cloudfrontkeyvaluestore` service."]
pub mod cloudfrontkeyvaluestore;
#[cfg(feature = "aws-cloudhsm")]
#[doc = "The `cloudhsm` service."]
pub mod cloudhsm;
#[cfg(feature = "aws-cloudsearch")]
#[doc = "The `cloudsearch` service."]
pub mod cloudsearch;
#[cfg(feature = "aws-cloudtrail")]
#[doc = "The `cloudtrail` service."]
pub mod cloudtrail;
#[cfg(feature = "aws-cloudwatch")]
#[doc = "The `cloudwatch` service."]
pub mod cloudwatch;
#[cfg(feature = "aws-codeartifact")]
#[doc = "The `codeartifact` service."]
pub mod codeartifact;
#[cfg(feature = "aws-codebuild")]
#[doc = "The `codebuild` service."]
pub mod codebuild;
#[cfg(feature = "aws-codecatalyst")]
#[doc = "The `codecatalyst` service."]
pub mod codecatalyst;
#[cfg(feature = "aws-codecommit")]
#[doc = "The `codecommit` service."]
pub mod codecommit;
#[cfg(feature = "aws-codeconnections")]
#[doc = "The `codeconnections` service."]
pub mod codeconnections;
#[cfg(feature = "aws-codedeploy")]
#[doc = "The `codedeploy` service."]
pub mod codedeploy;
#[cfg(feature = "aws-codeguruprofiler")]
#[doc = "The `codeguruprofiler` service."]
pub mod codeguruprofiler;
#[cfg(feature = "aws-codegurureviewer")]
#[doc = "The `codegurureviewer` service."]
pub mod codegurureviewer;
#[cfg(feature = "aws-codepipeline")]
#[doc = "The `codepipeline` service."]
pub mod codepipeline;
#[cfg(feature = "aws-codestarconnections")]
#[doc = "The `codestarconnections` service."]
pub mod codestarconnections;
#[cfg(feature = "aws-codestarnotifications")]
#[doc = "The `codestarnotifications` service."]
pub mod codestarnotifications;
#[cfg(feature = "aws-cognito")]
#[doc = "The `cognito` service."]
pub mod cognito;
#[cfg(feature = "aws-comprehend")]
#[doc = "The `comprehend` service."]
pub mod comprehend;
#[cfg(feature = "aws-computeoptimizer")]
#[doc = "The `computeoptimizer` service."]
pub mod computeoptimizer;
#[cfg(feature = "aws-config")]
#[doc = "The `config` service."]
pub mod config;
#[cfg(feature = "aws-connect")]
#[doc = "The `connect` service."]
pub mod connect;
#[cfg(feature = "aws-controltower")]
#[doc = "The `controltower` service."]
pub mod controltower;
#[cfg(feature = "aws-costoptimizationhub")]
#[doc = "The `costoptimizationhub` service."]
pub mod costoptimizationhub;
#[cfg(feature = "aws-cur")]
#[doc = "The `cur` service."]
pub mod cur;
#[cfg(feature = "aws-customer")]
#[doc = "The `customer` service."]
pub mod customer;
#[cfg(feature = "aws-customerprofiles")]
#[doc = "The `customerprofiles` service."]
pub mod customerprofiles;
#[cfg(feature = "aws-dataexchange")]
#[doc = "The `dataexchange` service."]
pub mod dataexchange;
#[cfg(feature = "aws-datapipeline")]
#[doc = "The `datapipeline` service."]
pub mod datapipeline;
#[cfg(feature = "aws-datasync")]
#[doc = "The `datasync` service."]
pub mod datasync;
#[cfg(feature = "aws-datazone")]
#[doc = "The `datazone` service."]
pub mod datazone;
#[cfg(feature = "aws-dax")]
#[doc = "The `dax` service."]
pub mod dax;
#[cfg(feature = "aws-db")]
#[doc = "The `db` service."]
pub mod db;
#[cfg(feature = "aws-default")]
#[doc = "The `default` service."]
pub mod default;
#[cfg(feature = "aws-detective")]
#[doc = "The `detective` service."]
pub mod detective;
#[cfg(feature = "aws-devicefarm")]
#[doc = "The `devicefarm` service."]
pub mod devicefarm;
#[cfg(feature = "aws-devopsguru")]
#[doc = "The `devopsguru` service."]
pub mod devopsguru;
#[cfg(feature = "aws-directory")]
#[doc = "The `directory` service."]
pub mod directory;
#[cfg(feature = "aws-dlm")]
#[doc = "The `dlm` service."]
pub mod dlm;
#[cfg(feature = "aws-dms")]
#[doc = "The `dms` service."]
pub mod dms;
#[cfg(feature = "aws-docdb")]
#[doc = "The `docdb` service."]
pub mod docdb;
#[cfg(feature = "aws-docdbelastic")]
#[doc = "The `docdbelastic` service."]
pub mod docdbelastic;
#[cfg(feature = "aws-drs")]
#[doc = "The `drs` service."]
pub mod drs;
#[cfg(feature = "aws-dsql")]
#[doc = "The `dsql` service."]
pub mod dsql;
#[cfg(feature = "aws-dx")]
#[doc = "The `dx` service."]
pub mod dx;
#[cfg(feature = "aws-dynamodb")]
#[doc = "The `dynamodb` service."]
pub mod dynamodb;
#[cfg(feature = "aws-ebs")]
#[doc = "The `ebs` service."]
pub mod ebs;
#[cfg(feature = "aws-ec2")]
#[doc = "The `ec2` service."]
pub mod ec2;
#[cfg(feature = "aws-ecr")]
#[doc = "The `ecr` service."]
pub mod ecr;
#[cfg(feature = "aws-ecrpublic")]
#[doc = "The `ecrpublic` service."]
pub mod ecrpublic;
#[cfg(feature = "aws-ecs")]
#[doc = "The `ecs` service."]
pub mod ecs;
#[cfg(feature = "aws-efs")]
#[doc = "The `efs` service."]
pub mod efs;
#[cfg(feature = "aws-egress")]
#[doc = "The `egress` service."]
pub mod egress;
#[cfg(feature = "aws-eip")]
#[doc = "The `eip` service."]
pub mod eip;
#[cfg(feature = "aws-eips")]
#[doc = "The `eips` service."]
pub mod eips;
#[cfg(feature = "aws-eks")]
#[doc = "The `eks` service."]
pub mod eks;
#[cfg(feature = "aws-elastic")]
#[doc = "The `elastic` service."]
pub mod elastic;
#[cfg(feature = "aws-elasticache")]
#[doc = "The `elasticache` service."]
pub mod elasticache;
#[cfg(feature = "aws-elasticsearch")]
#[doc = "The `elasticsearch` service."]
pub mod elasticsearch;
#[cfg(feature = "aws-elastictranscoder")]
#[doc = "The `elastictranscoder` service."]
pub mod elastictranscoder;
#[cfg(feature = "aws-elb")]
#[doc = "The `elb` service."]
pub mod elb;
#[cfg(feature = "aws-emr")]
#[doc = "The `emr` service."]
pub mod emr;
#[cfg(feature = "aws-emrcontainers")]
#[doc = "The `emrcontainers` service."]
pub mod emrcontainers;
#[cfg(feature = "aws-emrserverless")]
#[doc = "The `emrserverless` service."]
pub mod emrserverless;
#[cfg(feature = "aws-evidently")]
#[doc = "The `evidently` service."]
pub mod evidently;
#[cfg(feature = "aws-finspace")]
#[doc = "The `finspace` service."]
pub mod finspace;
#[cfg(feature = "aws-fis")]
#[doc = "The `fis` service."]
pub mod fis;
#[cfg(feature = "aws-flow")]
#[doc = "The `flow` service."]
pub mod flow;
#[cfg(feature = "aws-fms")]
#[doc = "The `fms` service."]
pub mod fms;
#[cfg(feature = "aws-fsx")]
#[doc = "The `fsx` service."]
pub mod fsx;
#[cfg(feature = "aws-gamelift")]
#[doc = "The `gamelift` service."]
pub mod gamelift;
#[cfg(feature = "aws-glacier")]
#[doc = "The `glacier` service."]
pub mod glacier;
#[cfg(feature = "aws-globalaccelerator")]
#[doc = "The `globalaccelerator` service."]
pub mod globalaccelerator;
#[cfg(feature = "aws-glue")]
#[doc = "The `glue` service."]
pub mod glue;
#[cfg(feature = "aws-grafana")]
#[doc = "The `grafana` service."]
pub mod grafana;
#[cfg(feature = "aws-guardduty")]
#[doc = "The `guardduty` service."]
pub mod guardduty;
#[cfg(feature = "aws-iam")]
#[doc = "The `iam` service."]
pub mod iam;
#[cfg(feature = "aws-identitystore")]
#[doc = "The `identitystore` service."]
pub mod identitystore;
#[cfg(feature = "aws-imagebuilder")]
#[doc = "The `imagebuilder` service."]
pub mod imagebuilder;
#[cfg(feature = "aws-inspector")]
#[doc = "The `inspector` service."]
pub mod inspector;
#[cfg(feature = "aws-inspector2")]
#[doc = "The `inspector2` service."]
pub mod inspector2;
#[cfg(feature = "aws-instance")]
#[doc = "The `instance` service."]
pub mod instance;
#[cfg(feature = "aws-instances")]
#[doc = "The `instances` service."]
pub mod instances;
#[cfg(feature = "aws-internet")]
#[doc = "The `internet` service."]
pub mod internet;
#[cfg(feature = "aws-internetmonitor")]
#[doc = "The `internetmonitor` service."]
pub mod internetmonitor;
#[cfg(feature = "aws-iot")]
#[doc = "The `iot` service."]
pub mod iot;
#[cfg(feature = "aws-ip")]
#[doc = "The `ip` service."]
pub mod ip;
#[cfg(feature = "aws-ivs")]
#[doc = "The `ivs` service."]
pub mod ivs;
#[cfg(feature = "aws-ivschat")]
#[doc = "The `ivschat` service."]
pub mod ivschat;
#[cfg(feature = "aws-kendra")]
#[doc = "The `kendra` service."]
pub mod kendra;
#[cfg(feature = "aws-key")]
#[doc = "The `key` service."]
pub mod key;
#[cfg(feature = "aws-keyspaces")]
#[doc = "The `keyspaces` service."]
pub mod keyspaces;
#[cfg(feature = "aws-kinesis")]
#[doc = "The `kinesis` service."]
pub mod kinesis;
#[cfg(feature = "aws-kinesisanalyticsv2")]
#[doc = "The `kinesisanalyticsv2` service."]
pub mod kinesisanalyticsv2;
#[cfg(feature = "aws-kms")]
#[doc = "The `kms` service."]
pub mod kms;
#[cfg(feature = "aws-lakeformation")]
#[doc = "The `lakeformation` service."]
pub mod lakeformation;
#[cfg(feature = "aws-lambda")]
#[doc = "The `lambda` service."]
pub mod lambda;
#[cfg(feature = "aws-launch")]
#[doc = "The `launch` service."]
pub mod launch;
#[cfg(feature = "aws-lb")]
#[doc = "The `lb` service."]
pub mod lb;
#[cfg(feature = "aws-lbs")]
#[doc = "The `lbs` service."]
pub mod lbs;
#[cfg(feature = "aws-lex")]
#[doc = "The `lex` service."]
pub mod lex;
#[cfg(feature = "aws-lexv2models")]
#[doc = "The `lexv2models` service."]
pub mod lexv2models;
#[cfg(feature = "aws-licensemanager")]
#[doc = "The `licensemanager` service."]
pub mod licensemanager;
#[cfg(feature = "aws-lightsail")]
#[doc = "The `lightsail` service."]
pub mod lightsail;
#[cfg(feature = "aws-load")]
#[doc = "The `load` service."]
pub mod load;
#[cfg(feature = "aws-location")]
#[doc = "The `location` service."]
pub mod location;
#[cfg(feature = "aws-m2")]
#[doc = "The `m2` service."]
pub mod m2;
#[cfg(feature = "aws-macie2")]
#[doc = "The `macie2` service."]
pub mod macie2;
#[cfg(feature = "aws-main")]
#[doc = "The `main` service."]
pub mod main;
#[cfg(feature = "aws-media")]
#[doc = "The `media` service."]
pub mod media;
#[cfg(feature = "aws-medialive")]
#[doc = "The `medialive` service."]
pub mod medialive;
#[cfg(feature = "aws-memorydb")]
#[doc = "The `memorydb` service."]
pub mod memorydb;
#[cfg(feature = "aws-mq")]
#[doc = "The `mq` service."]
pub mod mq;
#[cfg(feature = "aws-msk")]
#[doc = "The `msk` service."]
pub mod msk;
#[cfg(feature = "aws-mskconnect")]
#[doc = "The `mskconnect` service."]
pub mod mskconnect;
#[cfg(feature = "aws-mwaa")]
#[doc = "The `mwaa` service."]
pub mod mwaa;
#[cfg(feature = "aws-nat")]
#[doc = "The `nat` service."]
pub mod nat;
#[cfg(feature = "aws-neptune")]
#[doc = "The `neptune` service."]
pub mod neptune;
#[cfg(feature = "aws-neptunegraph")]
#[doc = "The `neptunegraph` service."]
pub mod neptunegraph;
#[cfg(feature = "aws-network")]
#[doc = "The `network` service."]
pub mod network;
#[cfg(feature = "aws-networkfirewall")]
#[doc = "The `networkfirewall` service."]
pub mod networkfirewall;
#[cfg(feature = "aws-networkmanager")]
#[doc = "The `networkmanager` service."]
pub mod networkmanager;
#[cfg(feature = "aws-networkmonitor")]
#[doc = "The `networkmonitor` service."]
pub mod networkmonitor;
#[cfg(feature = "aws-notifications")]
#[doc = "The `notifications` service."]
pub mod notifications;
#[cfg(feature = "aws-notificationscontacts")]
#[doc = "The `notificationscontacts` service."]
pub mod notificationscontacts;
#[cfg(feature = "aws-oam")]
#[doc = "The `oam` service."]
pub mod oam;
#[cfg(feature = "aws-opensearch")]
#[doc = "The `opensearch` service."]
pub mod opensearch;
#[cfg(feature = "aws-opensearchserverless")]
#[doc = "The `opensearchserverless` service."]
pub mod opensearchserverless;
#[cfg(feature = "aws-opsworks")]
#[doc = "The `opsworks` service."]
pub mod opsworks;
#[cfg(feature = "aws-organizations")]
#[doc = "The `organizations` service."]
pub mod organizations;
#[cfg(feature = "aws-osis")]
#[doc = "The `osis` service."]
pub mod osis;
#[cfg(feature = "aws-outposts")]
#[doc = "The `outposts` service."]
pub mod outposts;
#[cfg(feature = "aws-partition")]
#[doc = "The `partition` service."]
pub mod partition;
#[cfg(feature = "aws-paymentcryptography")]
#[doc = "The `paymentcryptography` service."]
pub mod paymentcryptography;
#[cfg(feature = "aws-pinpoint")]
#[doc = "The `pinpoint` service."]
pub mod pinpoint;
#[cfg(feature = "aws-pinpointsmsvoicev2")]
#[doc = "The `pinpointsmsvoicev2` service."]
pub mod pinpointsmsvoicev2;
#[cfg(feature = "aws-pipes")]
#[doc = "The `pipes` service."]
pub mod pipes;
#[cfg(feature = "aws-placement")]
#[doc = "The `placement` service."]
pub mod placement;
#[cfg(feature = "aws-polly")]
#[doc = "The `polly` service."]
pub mod polly;
#[cfg(feature = "aws-prefix")]
#[doc = "The `prefix` service."]
pub mod prefix;
#[cfg(feature = "aws-pricing")]
#[doc = "The `pricing` service."]
pub mod pricing;
#[cfg(feature = "aws-prometheus")]
#[doc = "The `prometheus` service."]
pub mod prometheus;
#[cfg(feature = "aws-proxy")]
#[doc = "The `proxy` service."]
pub mod proxy;
#[cfg(feature = "aws-qbusiness")]
#[doc = "The `qbusiness` service."]
pub mod qbusiness;
#[cfg(feature = "aws-qldb")]
#[doc = "The `qldb` service."]
pub mod qldb;
#[cfg(feature = "aws-quicksight")]
#[doc = "The `quicksight` service."]
pub mod quicksight;
#[cfg(feature = "aws-ram")]
#[doc = "The `ram` service."]
pub mod ram;
#[cfg(feature = "aws-rbin")]
#[doc = "The `rbin` service."]
pub mod rbin;
#[cfg(feature = "aws-rds")]
#[doc = "The `rds` service."]
pub mod rds;
#[cfg(feature = "aws-redshift")]
#[doc = "The `redshift` service."]
pub mod redshift;
#[cfg(feature = "aws-redshiftdata")]
#[doc = "The `redshiftdata` service."]
pub mod redshiftdata;
#[cfg(feature = "aws-redshiftserverless")]
#[doc = "The `redshiftserverless` service."]
pub mod redshiftserverless;
#[cfg(feature = "aws-region")]
#[doc = "The `region` service."]
pub mod region;
#[cfg(feature = "aws-regions")]
#[doc = "The `regions` service."]
pub mod regions;
#[cfg(feature = "aws-rekognition")]
#[doc = "The `rekognition` service."]
pub mod rekognition;
#[cfg(feature = "aws-resiliencehub")]
#[doc = "The `resiliencehub` service."]
pub mod resiliencehub;
#[cfg(feature = "aws-resourceexplorer2")]
#[doc = "The `resourceexplorer2` service."]
pub mod resourceexplorer2;
#[cfg(feature = "aws-resourcegroups")]
#[doc = "The `resourcegroups` service."]
pub mod resourcegroups;
#[cfg(feature = "aws-resourcegroupstaggingapi")]
#[doc = "The `resourcegroupstaggingapi` service."]
pub mod resourcegroupstaggingapi;
#[cfg(feature = "aws-rolesanywhere")]
#[doc = "The `rolesanywhere` service."]
pub mod rolesanywhere;
#[cfg(feature = "aws-route")]
#[doc = "The `route` service."]
pub mod route;
#[cfg(feature = "aws-route53")]
#[doc = "The `route53` service."]
pub mod route53;
#[cfg(feature = "aws-route53domains")]
#[doc = "The `route53domains` service."]
pub mod route53domains;
#[cfg(feature = "aws-route53profiles")]
#[doc = "The `route53profiles` service."]
pub mod route53profiles;
#[cfg(feature = "aws-route53recoverycontrolconfig")]
#[doc = "The `route53recoverycontrolconfig` service."]
pub mod route53recoverycontrolconfig;
#[cfg(feature = "aws-route53recoveryreadiness")]
#[doc = "The `route53recoveryreadiness` service."]
pub mod route53recoveryreadiness;
#[cfg(feature = "aws-rum")]
#[doc = "The `rum` service."]
pub mod rum;
#[cfg(feature = "aws-s3")]
#[doc = "The `s3` service."]
pub mod s3;
#[cfg(feature = "aws-s3control")]
#[doc = "The `s3control` service."]
pub mod s3control;
#[cfg(feature = "aws-s3outposts")]
#[doc = "The `s3outposts` service."]
pub mod s3outposts;
#[cfg(feature = "aws-s3tables")]
#[doc = "The `s3tables` service."]
pub mod s3tables;
#[cfg(feature = "aws-sagemaker")]
#[doc = "The `sagemaker` service."]
pub mod sagemaker;
#[cfg(feature = "aws-scheduler")]
#[doc = "The `scheduler` service."]
pub mod scheduler;
#[cfg(feature = "aws-schemas")]
#[doc = "The `schemas` service."]
pub mod schemas;
#[cfg(feature = "aws-secretsmanager")]
#[doc = "The `secretsmanager` service."]
pub mod secretsmanager;
#[cfg(feature = "aws-security")]
#[doc = "The `security` service."]
pub mod security;
#[cfg(feature = "aws-securityhub")]
#[doc = "The `securityhub` service."]
pub mod securityhub;
#[cfg(feature = "aws-securitylake")]
#[doc = "The `securitylake` service."]
pub mod securitylake;
#[cfg(feature = "aws-serverlessapplicationrepository")]
#[doc = "The `serverlessapplicationrepository` service."]
pub mod serverlessapplicationrepository;
#[cfg(feature = "aws-service")]
#[doc = "The `service` service."]
pub mod service;
#[cfg(feature = "aws-servicecatalog")]
#[doc = "The `servicecatalog` service."]
pub mod servicecatalog;
#[cfg(feature = "aws-servicecatalogappregistry")]
#[doc = "The `servicecatalogappregistry` service."]
pub mod servicecatalogappregistry;
#[cfg(feature = "aws-servicequotas")]
#[doc = "The `servicequotas` service."]
pub mod servicequotas;
#[cfg(feature = "aws-ses")]
#[doc = "The `ses` service."]
pub mod ses;
#[cfg(feature = "aws-sesv2")]
#[doc = "The `sesv2` service."]
pub mod sesv2;
#[cfg(feature = "aws-sfn")]
#[doc = "The `sfn` service."]
pub mod sfn;
#[cfg(feature = "aws-shield")]
#[doc = "The `shield` service."]
pub mod shield;
#[cfg(feature = "aws-signer")]
#[doc = "The `signer` service."]
pub mod signer;
#[cfg(feature = "aws-simpledb")]
#[doc = "The `simpledb` service."]
pub mod simpledb;
#[cfg(feature = "aws-snapshot")]
#[doc = "The `snapshot` service."]
pub mod snapshot;
#[cfg(feature = "aws-sns")]
#[doc = "The `sns` service."]
pub mod sns;
#[cfg(feature = "aws-spot")]
#[doc = "The `spot` service."]
pub mod spot;
#[cfg(feature = "aws-sqs")]
#[doc = "The `sqs` service."]
pub mod sqs;
#[cfg(feature = "aws-ssm")]
#[doc = "The `ssm` service."]
pub mod ssm;
#[cfg(feature = "aws-ssmcontacts")]
#[doc = "The `ssmcontacts` service."]
pub mod ssmcontacts;
#[cfg(feature = "aws-ssmincidents")]
#[doc = "The `ssmincidents` service."]
pub mod ssmincidents;
#[cfg(feature = "aws-ssmquicksetup")]
#[doc = "The `ssmquicksetup` service."]
pub mod ssmquicksetup;
#[cfg(feature = "aws-ssoadmin")]
#[doc = "The `ssoadmin` service."]
pub mod ssoadmin;
#[cfg(feature = "aws-storagegateway")]
#[doc = "The `storagegateway` service."]
pub mod storagegateway;
#[cfg(feature = "aws-subnet")]
#[doc = "The `subnet` service."]
pub mod subnet;
#[cfg(feature = "aws-subnets")]
#[doc = "The `subnets` service."]
pub mod subnets;
#[cfg(feature = "aws-swf")]
#[doc = "The `swf` service."]
pub mod swf;
#[cfg(feature = "aws-synthetics")]
#[doc = "The `synthetics` service."]
pub mod synthetics;
#[cfg(feature = "aws-timestreaminfluxdb")]
#[doc = "The `timestreaminfluxdb` service."]
pub mod timestreaminfluxdb;
#[cfg(feature = "aws-timestreamquery")]
#[doc = "The `timestreamquery` service."]
pub mod timestreamquery;
#[cfg(feature = "aws-timestreamwrite")]
#[doc = "The `timestreamwrite` service."]
pub mod timestreamwrite;
#[cfg(feature = "aws-transcribe")]
#[doc = "The `transcribe` service."]
pub mod transcribe;
#[cfg(feature = "aws-transfer")]
#[doc = "The `transfer` service."]
pub mod transfer;
#[cfg(feature = "aws-verifiedaccess")]
#[doc = "The `verifiedaccess` service."]
pub mod verifiedaccess;
#[cfg(feature = "aws-verifiedpermissions")]
#[doc = "The `verifiedpermissions` service."]
pub mod verifiedpermissions;
#[cfg(feature = "aws-volume")]
#[doc = "The `volume` service."]
pub mod volume;
#[cfg(feature = "aws-vpc")]
#[doc = "The `vpc` service."]
pub mod vpc;
#[cfg(feature = "aws-vpclattice")]
#[doc = "The `vpclattice` service."]
pub mod vpclattice;
#[cfg(feature = "aws-vpcs")]
#[doc = "The `vpcs` service."]
pub mod vpcs;
#[cfg(feature = "aws-vpn")]
#[doc = "The `vpn` service."]
pub mod vpn;
#[cfg(feature = "aws-waf")]
#[doc = "The `waf` service."]
pub mod waf;
#[cfg(feature = "aws-wafregional")]
#[doc = "The `wafregional` service."]
pub mod wafregional;
#[cfg(feature = "aws-wafv2")]
#[doc = "The `wafv2` service."]
pub mod wafv2;
#[cfg(feature = "aws-worklink")]
#[doc = "The `worklink` service."]
pub mod worklink;
#[cfg(feature = "aws-workspaces")]
#[doc = "The `workspaces` service."]
pub mod workspaces;
#[cfg(feature = "aws-workspacesweb")]
#[doc = "The `workspacesweb` service."]
pub mod workspacesweb;
#[cfg(feature = "aws-xray")]
#[doc = "The `xray` service."]
pub mod xray;
