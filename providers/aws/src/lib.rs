//! Typed bindings of every resource and data source of `registry.terraform.io/hashicorp/aws`, generated
//! from its schema by `drsynth-bindgen` (`make bindings`); do not edit
//! (rustfmt leaves the modules as generated, so the freshness test can
//! compare them byte for byte).
//!
//! Each service, as the provider's documentation groups them, is a
//! module behind the cargo feature of the same name (`all` enables
//! every one): a crate enables the services it builds on. A `Ref` to a
//! type dereferences to its attribute accessors (`S3BucketAttributes`).

#[cfg(feature = "accessanalyzer")]
#[doc = "IAM Access Analyzer: the `accessanalyzer` feature."]
#[rustfmt::skip]
pub mod accessanalyzer;
#[cfg(feature = "account")]
#[doc = "Account Management: the `account` feature."]
#[rustfmt::skip]
pub mod account;
#[cfg(feature = "acm")]
#[doc = "ACM (Certificate Manager): the `acm` feature."]
#[rustfmt::skip]
pub mod acm;
#[cfg(feature = "acmpca")]
#[doc = "ACM PCA (Certificate Manager Private Certificate Authority): the `acmpca` feature."]
#[rustfmt::skip]
pub mod acmpca;
#[cfg(feature = "amp")]
#[doc = "AMP (Managed Prometheus): the `amp` feature."]
#[rustfmt::skip]
pub mod amp;
#[cfg(feature = "amplify")]
#[doc = "Amplify: the `amplify` feature."]
#[rustfmt::skip]
pub mod amplify;
#[cfg(feature = "apigateway")]
#[doc = "API Gateway: the `apigateway` feature."]
#[rustfmt::skip]
pub mod apigateway;
#[cfg(feature = "apigatewayv2")]
#[doc = "API Gateway V2: the `apigatewayv2` feature."]
#[rustfmt::skip]
pub mod apigatewayv2;
#[cfg(feature = "appconfig")]
#[doc = "AppConfig: the `appconfig` feature."]
#[rustfmt::skip]
pub mod appconfig;
#[cfg(feature = "appfabric")]
#[doc = "AppFabric: the `appfabric` feature."]
#[rustfmt::skip]
pub mod appfabric;
#[cfg(feature = "appflow")]
#[doc = "AppFlow: the `appflow` feature."]
#[rustfmt::skip]
pub mod appflow;
#[cfg(feature = "appintegrations")]
#[doc = "AppIntegrations: the `appintegrations` feature."]
#[rustfmt::skip]
pub mod appintegrations;
#[cfg(feature = "applicationautoscaling")]
#[doc = "Application Auto Scaling: the `applicationautoscaling` feature."]
#[rustfmt::skip]
pub mod applicationautoscaling;
#[cfg(feature = "applicationinsights")]
#[doc = "CloudWatch Application Insights: the `applicationinsights` feature."]
#[rustfmt::skip]
pub mod applicationinsights;
#[cfg(feature = "appmesh")]
#[doc = "App Mesh: the `appmesh` feature."]
#[rustfmt::skip]
pub mod appmesh;
#[cfg(feature = "apprunner")]
#[doc = "App Runner: the `apprunner` feature."]
#[rustfmt::skip]
pub mod apprunner;
#[cfg(feature = "appstream")]
#[doc = "AppStream 2.0: the `appstream` feature."]
#[rustfmt::skip]
pub mod appstream;
#[cfg(feature = "appsync")]
#[doc = "AppSync: the `appsync` feature."]
#[rustfmt::skip]
pub mod appsync;
#[cfg(feature = "athena")]
#[doc = "Athena: the `athena` feature."]
#[rustfmt::skip]
pub mod athena;
#[cfg(feature = "auditmanager")]
#[doc = "Audit Manager: the `auditmanager` feature."]
#[rustfmt::skip]
pub mod auditmanager;
#[cfg(feature = "autoscaling")]
#[doc = "Auto Scaling: the `autoscaling` feature."]
#[rustfmt::skip]
pub mod autoscaling;
#[cfg(feature = "autoscalingplans")]
#[doc = "Auto Scaling Plans: the `autoscalingplans` feature."]
#[rustfmt::skip]
pub mod autoscalingplans;
#[cfg(feature = "backup")]
#[doc = "Backup: the `backup` feature."]
#[rustfmt::skip]
pub mod backup;
#[cfg(feature = "batch")]
#[doc = "Batch: the `batch` feature."]
#[rustfmt::skip]
pub mod batch;
#[cfg(feature = "bcmdataexports")]
#[doc = "BCM Data Exports: the `bcmdataexports` feature."]
#[rustfmt::skip]
pub mod bcmdataexports;
#[cfg(feature = "bedrock")]
#[doc = "Bedrock: the `bedrock` feature."]
#[rustfmt::skip]
pub mod bedrock;
#[cfg(feature = "bedrockagent")]
#[doc = "Bedrock Agents: the `bedrockagent` feature."]
#[rustfmt::skip]
pub mod bedrockagent;
#[cfg(feature = "budgets")]
#[doc = "Web Services Budgets: the `budgets` feature."]
#[rustfmt::skip]
pub mod budgets;
#[cfg(feature = "ce")]
#[doc = "CE (Cost Explorer): the `ce` feature."]
#[rustfmt::skip]
pub mod ce;
#[cfg(feature = "chatbot")]
#[doc = "Chatbot: the `chatbot` feature."]
#[rustfmt::skip]
pub mod chatbot;
#[cfg(feature = "chime")]
#[doc = "Chime: the `chime` feature."]
#[rustfmt::skip]
pub mod chime;
#[cfg(feature = "chimesdkmediapipelines")]
#[doc = "Chime SDK Media Pipelines: the `chimesdkmediapipelines` feature."]
#[rustfmt::skip]
pub mod chimesdkmediapipelines;
#[cfg(feature = "chimesdkvoice")]
#[doc = "Chime SDK Voice: the `chimesdkvoice` feature."]
#[rustfmt::skip]
pub mod chimesdkvoice;
#[cfg(feature = "cleanrooms")]
#[doc = "Clean Rooms: the `cleanrooms` feature."]
#[rustfmt::skip]
pub mod cleanrooms;
#[cfg(feature = "cloud9")]
#[doc = "Cloud9: the `cloud9` feature."]
#[rustfmt::skip]
pub mod cloud9;
#[cfg(feature = "cloudcontrol")]
#[doc = "Cloud Control API: the `cloudcontrol` feature."]
#[rustfmt::skip]
pub mod cloudcontrol;
#[cfg(feature = "cloudformation")]
#[doc = "CloudFormation: the `cloudformation` feature."]
#[rustfmt::skip]
pub mod cloudformation;
#[cfg(feature = "cloudfront")]
#[doc = "CloudFront: the `cloudfront` feature."]
#[rustfmt::skip]
pub mod cloudfront;
#[cfg(feature = "cloudfrontkeyvaluestore")]
#[doc = "CloudFront KeyValueStore: the `cloudfrontkeyvaluestore` feature."]
#[rustfmt::skip]
pub mod cloudfrontkeyvaluestore;
#[cfg(feature = "cloudhsmv2")]
#[doc = "CloudHSM: the `cloudhsmv2` feature."]
#[rustfmt::skip]
pub mod cloudhsmv2;
#[cfg(feature = "cloudsearch")]
#[doc = "CloudSearch: the `cloudsearch` feature."]
#[rustfmt::skip]
pub mod cloudsearch;
#[cfg(feature = "cloudtrail")]
#[doc = "CloudTrail: the `cloudtrail` feature."]
#[rustfmt::skip]
pub mod cloudtrail;
#[cfg(feature = "cloudwatch")]
#[doc = "CloudWatch: the `cloudwatch` feature."]
#[rustfmt::skip]
pub mod cloudwatch;
#[cfg(feature = "codeartifact")]
#[doc = "CodeArtifact: the `codeartifact` feature."]
#[rustfmt::skip]
pub mod codeartifact;
#[cfg(feature = "codebuild")]
#[doc = "CodeBuild: the `codebuild` feature."]
#[rustfmt::skip]
pub mod codebuild;
#[cfg(feature = "codecatalyst")]
#[doc = "CodeCatalyst: the `codecatalyst` feature."]
#[rustfmt::skip]
pub mod codecatalyst;
#[cfg(feature = "codecommit")]
#[doc = "CodeCommit: the `codecommit` feature."]
#[rustfmt::skip]
pub mod codecommit;
#[cfg(feature = "codeconnections")]
#[doc = "CodeConnections: the `codeconnections` feature."]
#[rustfmt::skip]
pub mod codeconnections;
#[cfg(feature = "codeguruprofiler")]
#[doc = "CodeGuru Profiler: the `codeguruprofiler` feature."]
#[rustfmt::skip]
pub mod codeguruprofiler;
#[cfg(feature = "codegurureviewer")]
#[doc = "CodeGuru Reviewer: the `codegurureviewer` feature."]
#[rustfmt::skip]
pub mod codegurureviewer;
#[cfg(feature = "codepipeline")]
#[doc = "CodePipeline: the `codepipeline` feature."]
#[rustfmt::skip]
pub mod codepipeline;
#[cfg(feature = "codestarconnections")]
#[doc = "CodeStar Connections: the `codestarconnections` feature."]
#[rustfmt::skip]
pub mod codestarconnections;
#[cfg(feature = "codestarnotifications")]
#[doc = "CodeStar Notifications: the `codestarnotifications` feature."]
#[rustfmt::skip]
pub mod codestarnotifications;
#[cfg(feature = "cognitoidentity")]
#[doc = "Cognito Identity: the `cognitoidentity` feature."]
#[rustfmt::skip]
pub mod cognitoidentity;
#[cfg(feature = "cognitoidp")]
#[doc = "Cognito IDP (Identity Provider): the `cognitoidp` feature."]
#[rustfmt::skip]
pub mod cognitoidp;
#[cfg(feature = "comprehend")]
#[doc = "Comprehend: the `comprehend` feature."]
#[rustfmt::skip]
pub mod comprehend;
#[cfg(feature = "computeoptimizer")]
#[doc = "Compute Optimizer: the `computeoptimizer` feature."]
#[rustfmt::skip]
pub mod computeoptimizer;
#[cfg(feature = "configservice")]
#[doc = "Config: the `configservice` feature."]
#[rustfmt::skip]
pub mod configservice;
#[cfg(feature = "connect")]
#[doc = "Connect: the `connect` feature."]
#[rustfmt::skip]
pub mod connect;
#[cfg(feature = "controltower")]
#[doc = "Control Tower: the `controltower` feature."]
#[rustfmt::skip]
pub mod controltower;
#[cfg(feature = "costoptimizationhub")]
#[doc = "Cost Optimization Hub: the `costoptimizationhub` feature."]
#[rustfmt::skip]
pub mod costoptimizationhub;
#[cfg(feature = "cur")]
#[doc = "Cost and Usage Report: the `cur` feature."]
#[rustfmt::skip]
pub mod cur;
#[cfg(feature = "customerprofiles")]
#[doc = "Connect Customer Profiles: the `customerprofiles` feature."]
#[rustfmt::skip]
pub mod customerprofiles;
#[cfg(feature = "dataexchange")]
#[doc = "Data Exchange: the `dataexchange` feature."]
#[rustfmt::skip]
pub mod dataexchange;
#[cfg(feature = "datapipeline")]
#[doc = "Data Pipeline: the `datapipeline` feature."]
#[rustfmt::skip]
pub mod datapipeline;
#[cfg(feature = "datasync")]
#[doc = "DataSync: the `datasync` feature."]
#[rustfmt::skip]
pub mod datasync;
#[cfg(feature = "datazone")]
#[doc = "DataZone: the `datazone` feature."]
#[rustfmt::skip]
pub mod datazone;
#[cfg(feature = "dax")]
#[doc = "DynamoDB Accelerator (DAX): the `dax` feature."]
#[rustfmt::skip]
pub mod dax;
#[cfg(feature = "deploy")]
#[doc = "CodeDeploy: the `deploy` feature."]
#[rustfmt::skip]
pub mod deploy;
#[cfg(feature = "detective")]
#[doc = "Detective: the `detective` feature."]
#[rustfmt::skip]
pub mod detective;
#[cfg(feature = "devicefarm")]
#[doc = "Device Farm: the `devicefarm` feature."]
#[rustfmt::skip]
pub mod devicefarm;
#[cfg(feature = "devopsguru")]
#[doc = "DevOps Guru: the `devopsguru` feature."]
#[rustfmt::skip]
pub mod devopsguru;
#[cfg(feature = "directconnect")]
#[doc = "Direct Connect: the `directconnect` feature."]
#[rustfmt::skip]
pub mod directconnect;
#[cfg(feature = "dlm")]
#[doc = "DLM (Data Lifecycle Manager): the `dlm` feature."]
#[rustfmt::skip]
pub mod dlm;
#[cfg(feature = "dms")]
#[doc = "DMS (Database Migration): the `dms` feature."]
#[rustfmt::skip]
pub mod dms;
#[cfg(feature = "docdb")]
#[doc = "DocumentDB: the `docdb` feature."]
#[rustfmt::skip]
pub mod docdb;
#[cfg(feature = "docdbelastic")]
#[doc = "DocumentDB Elastic: the `docdbelastic` feature."]
#[rustfmt::skip]
pub mod docdbelastic;
#[cfg(feature = "drs")]
#[doc = "DRS (Elastic Disaster Recovery): the `drs` feature."]
#[rustfmt::skip]
pub mod drs;
#[cfg(feature = "ds")]
#[doc = "Directory Service: the `ds` feature."]
#[rustfmt::skip]
pub mod ds;
#[cfg(feature = "dsql")]
#[doc = "DSQL: the `dsql` feature."]
#[rustfmt::skip]
pub mod dsql;
#[cfg(feature = "dynamodb")]
#[doc = "DynamoDB: the `dynamodb` feature."]
#[rustfmt::skip]
pub mod dynamodb;
#[cfg(feature = "ebs")]
#[doc = "EBS (EC2): the `ebs` feature."]
#[rustfmt::skip]
pub mod ebs;
#[cfg(feature = "ec2")]
#[doc = "EC2 (Elastic Compute Cloud): the `ec2` feature."]
#[rustfmt::skip]
pub mod ec2;
#[cfg(feature = "ec2outposts")]
#[doc = "Outposts (EC2): the `ec2outposts` feature."]
#[rustfmt::skip]
pub mod ec2outposts;
#[cfg(feature = "ecr")]
#[doc = "ECR (Elastic Container Registry): the `ecr` feature."]
#[rustfmt::skip]
pub mod ecr;
#[cfg(feature = "ecrpublic")]
#[doc = "ECR Public: the `ecrpublic` feature."]
#[rustfmt::skip]
pub mod ecrpublic;
#[cfg(feature = "ecs")]
#[doc = "ECS (Elastic Container): the `ecs` feature."]
#[rustfmt::skip]
pub mod ecs;
#[cfg(feature = "efs")]
#[doc = "EFS (Elastic File System): the `efs` feature."]
#[rustfmt::skip]
pub mod efs;
#[cfg(feature = "eks")]
#[doc = "EKS (Elastic Kubernetes): the `eks` feature."]
#[rustfmt::skip]
pub mod eks;
#[cfg(feature = "elasticache")]
#[doc = "ElastiCache: the `elasticache` feature."]
#[rustfmt::skip]
pub mod elasticache;
#[cfg(feature = "elasticbeanstalk")]
#[doc = "Elastic Beanstalk: the `elasticbeanstalk` feature."]
#[rustfmt::skip]
pub mod elasticbeanstalk;
#[cfg(feature = "elastictranscoder")]
#[doc = "Elastic Transcoder: the `elastictranscoder` feature."]
#[rustfmt::skip]
pub mod elastictranscoder;
#[cfg(feature = "elb")]
#[doc = "ELB Classic: the `elb` feature."]
#[rustfmt::skip]
pub mod elb;
#[cfg(feature = "elbv2")]
#[doc = "ELB (Elastic Load Balancing): the `elbv2` feature."]
#[rustfmt::skip]
pub mod elbv2;
#[cfg(feature = "emr")]
#[doc = "EMR: the `emr` feature."]
#[rustfmt::skip]
pub mod emr;
#[cfg(feature = "emrcontainers")]
#[doc = "EMR Containers: the `emrcontainers` feature."]
#[rustfmt::skip]
pub mod emrcontainers;
#[cfg(feature = "emrserverless")]
#[doc = "EMR Serverless: the `emrserverless` feature."]
#[rustfmt::skip]
pub mod emrserverless;
#[cfg(feature = "es")]
#[doc = "Elasticsearch: the `es` feature."]
#[rustfmt::skip]
pub mod es;
#[cfg(feature = "events")]
#[doc = "EventBridge: the `events` feature."]
#[rustfmt::skip]
pub mod events;
#[cfg(feature = "evidently")]
#[doc = "CloudWatch Evidently: the `evidently` feature."]
#[rustfmt::skip]
pub mod evidently;
#[cfg(feature = "finspace")]
#[doc = "FinSpace: the `finspace` feature."]
#[rustfmt::skip]
pub mod finspace;
#[cfg(feature = "firehose")]
#[doc = "Kinesis Firehose: the `firehose` feature."]
#[rustfmt::skip]
pub mod firehose;
#[cfg(feature = "fis")]
#[doc = "FIS (Fault Injection Simulator): the `fis` feature."]
#[rustfmt::skip]
pub mod fis;
#[cfg(feature = "fms")]
#[doc = "FMS (Firewall Manager): the `fms` feature."]
#[rustfmt::skip]
pub mod fms;
#[cfg(feature = "fsx")]
#[doc = "FSx: the `fsx` feature."]
#[rustfmt::skip]
pub mod fsx;
#[cfg(feature = "gamelift")]
#[doc = "GameLift: the `gamelift` feature."]
#[rustfmt::skip]
pub mod gamelift;
#[cfg(feature = "glacier")]
#[doc = "S3 Glacier: the `glacier` feature."]
#[rustfmt::skip]
pub mod glacier;
#[cfg(feature = "globalaccelerator")]
#[doc = "Global Accelerator: the `globalaccelerator` feature."]
#[rustfmt::skip]
pub mod globalaccelerator;
#[cfg(feature = "glue")]
#[doc = "Glue: the `glue` feature."]
#[rustfmt::skip]
pub mod glue;
#[cfg(feature = "grafana")]
#[doc = "Managed Grafana: the `grafana` feature."]
#[rustfmt::skip]
pub mod grafana;
#[cfg(feature = "guardduty")]
#[doc = "GuardDuty: the `guardduty` feature."]
#[rustfmt::skip]
pub mod guardduty;
#[cfg(feature = "iam")]
#[doc = "IAM (Identity & Access Management): the `iam` feature."]
#[rustfmt::skip]
pub mod iam;
#[cfg(feature = "identitystore")]
#[doc = "SSO Identity Store: the `identitystore` feature."]
#[rustfmt::skip]
pub mod identitystore;
#[cfg(feature = "imagebuilder")]
#[doc = "EC2 Image Builder: the `imagebuilder` feature."]
#[rustfmt::skip]
pub mod imagebuilder;
#[cfg(feature = "inspector")]
#[doc = "Inspector Classic: the `inspector` feature."]
#[rustfmt::skip]
pub mod inspector;
#[cfg(feature = "inspector2")]
#[doc = "Inspector: the `inspector2` feature."]
#[rustfmt::skip]
pub mod inspector2;
#[cfg(feature = "internetmonitor")]
#[doc = "CloudWatch Internet Monitor: the `internetmonitor` feature."]
#[rustfmt::skip]
pub mod internetmonitor;
#[cfg(feature = "iot")]
#[doc = "IoT Core: the `iot` feature."]
#[rustfmt::skip]
pub mod iot;
#[cfg(feature = "ipam")]
#[doc = "VPC IPAM (IP Address Manager): the `ipam` feature."]
#[rustfmt::skip]
pub mod ipam;
#[cfg(feature = "ivs")]
#[doc = "IVS (Interactive Video): the `ivs` feature."]
#[rustfmt::skip]
pub mod ivs;
#[cfg(feature = "ivschat")]
#[doc = "IVS (Interactive Video) Chat: the `ivschat` feature."]
#[rustfmt::skip]
pub mod ivschat;
#[cfg(feature = "kafka")]
#[doc = "Managed Streaming for Kafka: the `kafka` feature."]
#[rustfmt::skip]
pub mod kafka;
#[cfg(feature = "kafkaconnect")]
#[doc = "Managed Streaming for Kafka Connect: the `kafkaconnect` feature."]
#[rustfmt::skip]
pub mod kafkaconnect;
#[cfg(feature = "kendra")]
#[doc = "Kendra: the `kendra` feature."]
#[rustfmt::skip]
pub mod kendra;
#[cfg(feature = "keyspaces")]
#[doc = "Keyspaces (for Apache Cassandra): the `keyspaces` feature."]
#[rustfmt::skip]
pub mod keyspaces;
#[cfg(feature = "kinesis")]
#[doc = "Kinesis: the `kinesis` feature."]
#[rustfmt::skip]
pub mod kinesis;
#[cfg(feature = "kinesisanalytics")]
#[doc = "Kinesis Analytics: the `kinesisanalytics` feature."]
#[rustfmt::skip]
pub mod kinesisanalytics;
#[cfg(feature = "kinesisanalyticsv2")]
#[doc = "Kinesis Analytics V2: the `kinesisanalyticsv2` feature."]
#[rustfmt::skip]
pub mod kinesisanalyticsv2;
#[cfg(feature = "kinesisvideo")]
#[doc = "Kinesis Video: the `kinesisvideo` feature."]
#[rustfmt::skip]
pub mod kinesisvideo;
#[cfg(feature = "kms")]
#[doc = "KMS (Key Management): the `kms` feature."]
#[rustfmt::skip]
pub mod kms;
#[cfg(feature = "lakeformation")]
#[doc = "Lake Formation: the `lakeformation` feature."]
#[rustfmt::skip]
pub mod lakeformation;
#[cfg(feature = "lambda")]
#[doc = "Lambda: the `lambda` feature."]
#[rustfmt::skip]
pub mod lambda;
#[cfg(feature = "lexmodels")]
#[doc = "Lex Model Building: the `lexmodels` feature."]
#[rustfmt::skip]
pub mod lexmodels;
#[cfg(feature = "lexv2models")]
#[doc = "Lex V2 Models: the `lexv2models` feature."]
#[rustfmt::skip]
pub mod lexv2models;
#[cfg(feature = "licensemanager")]
#[doc = "License Manager: the `licensemanager` feature."]
#[rustfmt::skip]
pub mod licensemanager;
#[cfg(feature = "lightsail")]
#[doc = "Lightsail: the `lightsail` feature."]
#[rustfmt::skip]
pub mod lightsail;
#[cfg(feature = "location")]
#[doc = "Location: the `location` feature."]
#[rustfmt::skip]
pub mod location;
#[cfg(feature = "logs")]
#[doc = "CloudWatch Logs: the `logs` feature."]
#[rustfmt::skip]
pub mod logs;
#[cfg(feature = "m2")]
#[doc = "Mainframe Modernization: the `m2` feature."]
#[rustfmt::skip]
pub mod m2;
#[cfg(feature = "macie2")]
#[doc = "Macie: the `macie2` feature."]
#[rustfmt::skip]
pub mod macie2;
#[cfg(feature = "mediaconvert")]
#[doc = "Elemental MediaConvert: the `mediaconvert` feature."]
#[rustfmt::skip]
pub mod mediaconvert;
#[cfg(feature = "medialive")]
#[doc = "Elemental MediaLive: the `medialive` feature."]
#[rustfmt::skip]
pub mod medialive;
#[cfg(feature = "mediapackage")]
#[doc = "Elemental MediaPackage: the `mediapackage` feature."]
#[rustfmt::skip]
pub mod mediapackage;
#[cfg(feature = "mediapackagev2")]
#[doc = "Elemental MediaPackage Version 2: the `mediapackagev2` feature."]
#[rustfmt::skip]
pub mod mediapackagev2;
#[cfg(feature = "mediastore")]
#[doc = "Elemental MediaStore: the `mediastore` feature."]
#[rustfmt::skip]
pub mod mediastore;
#[cfg(feature = "memorydb")]
#[doc = "MemoryDB: the `memorydb` feature."]
#[rustfmt::skip]
pub mod memorydb;
#[cfg(feature = "meta")]
#[doc = "Meta Data Sources: the `meta` feature."]
#[rustfmt::skip]
pub mod meta;
#[cfg(feature = "mq")]
#[doc = "MQ: the `mq` feature."]
#[rustfmt::skip]
pub mod mq;
#[cfg(feature = "mwaa")]
#[doc = "MWAA (Managed Workflows for Apache Airflow): the `mwaa` feature."]
#[rustfmt::skip]
pub mod mwaa;
#[cfg(feature = "neptune")]
#[doc = "Neptune: the `neptune` feature."]
#[rustfmt::skip]
pub mod neptune;
#[cfg(feature = "neptunegraph")]
#[doc = "Neptune Analytics: the `neptunegraph` feature."]
#[rustfmt::skip]
pub mod neptunegraph;
#[cfg(feature = "networkfirewall")]
#[doc = "Network Firewall: the `networkfirewall` feature."]
#[rustfmt::skip]
pub mod networkfirewall;
#[cfg(feature = "networkmanager")]
#[doc = "Network Manager: the `networkmanager` feature."]
#[rustfmt::skip]
pub mod networkmanager;
#[cfg(feature = "networkmonitor")]
#[doc = "CloudWatch Network Monitor: the `networkmonitor` feature."]
#[rustfmt::skip]
pub mod networkmonitor;
#[cfg(feature = "notifications")]
#[doc = "User Notifications: the `notifications` feature."]
#[rustfmt::skip]
pub mod notifications;
#[cfg(feature = "notificationscontacts")]
#[doc = "User Notifications Contacts: the `notificationscontacts` feature."]
#[rustfmt::skip]
pub mod notificationscontacts;
#[cfg(feature = "oam")]
#[doc = "CloudWatch Observability Access Manager: the `oam` feature."]
#[rustfmt::skip]
pub mod oam;
#[cfg(feature = "opensearch")]
#[doc = "OpenSearch: the `opensearch` feature."]
#[rustfmt::skip]
pub mod opensearch;
#[cfg(feature = "opensearchserverless")]
#[doc = "OpenSearch Serverless: the `opensearchserverless` feature."]
#[rustfmt::skip]
pub mod opensearchserverless;
#[cfg(feature = "opsworks")]
#[doc = "OpsWorks: the `opsworks` feature."]
#[rustfmt::skip]
pub mod opsworks;
#[cfg(feature = "organizations")]
#[doc = "Organizations: the `organizations` feature."]
#[rustfmt::skip]
pub mod organizations;
#[cfg(feature = "osis")]
#[doc = "OpenSearch Ingestion: the `osis` feature."]
#[rustfmt::skip]
pub mod osis;
#[cfg(feature = "outposts")]
#[doc = "Outposts: the `outposts` feature."]
#[rustfmt::skip]
pub mod outposts;
#[cfg(feature = "paymentcryptography")]
#[doc = "Payment Cryptography Control Plane: the `paymentcryptography` feature."]
#[rustfmt::skip]
pub mod paymentcryptography;
#[cfg(feature = "pinpoint")]
#[doc = "Pinpoint: the `pinpoint` feature."]
#[rustfmt::skip]
pub mod pinpoint;
#[cfg(feature = "pinpointsmsvoicev2")]
#[doc = "End User Messaging SMS: the `pinpointsmsvoicev2` feature."]
#[rustfmt::skip]
pub mod pinpointsmsvoicev2;
#[cfg(feature = "pipes")]
#[doc = "EventBridge Pipes: the `pipes` feature."]
#[rustfmt::skip]
pub mod pipes;
#[cfg(feature = "polly")]
#[doc = "Polly: the `polly` feature."]
#[rustfmt::skip]
pub mod polly;
#[cfg(feature = "pricing")]
#[doc = "Pricing Calculator: the `pricing` feature."]
#[rustfmt::skip]
pub mod pricing;
#[cfg(feature = "qbusiness")]
#[doc = "Amazon Q Business: the `qbusiness` feature."]
#[rustfmt::skip]
pub mod qbusiness;
#[cfg(feature = "qldb")]
#[doc = "QLDB (Quantum Ledger Database): the `qldb` feature."]
#[rustfmt::skip]
pub mod qldb;
#[cfg(feature = "quicksight")]
#[doc = "QuickSight: the `quicksight` feature."]
#[rustfmt::skip]
pub mod quicksight;
#[cfg(feature = "ram")]
#[doc = "RAM (Resource Access Manager): the `ram` feature."]
#[rustfmt::skip]
pub mod ram;
#[cfg(feature = "rbin")]
#[doc = "Recycle Bin (RBin): the `rbin` feature."]
#[rustfmt::skip]
pub mod rbin;
#[cfg(feature = "rds")]
#[doc = "RDS (Relational Database): the `rds` feature."]
#[rustfmt::skip]
pub mod rds;
#[cfg(feature = "redshift")]
#[doc = "Redshift: the `redshift` feature."]
#[rustfmt::skip]
pub mod redshift;
#[cfg(feature = "redshiftdata")]
#[doc = "Redshift Data: the `redshiftdata` feature."]
#[rustfmt::skip]
pub mod redshiftdata;
#[cfg(feature = "redshiftserverless")]
#[doc = "Redshift Serverless: the `redshiftserverless` feature."]
#[rustfmt::skip]
pub mod redshiftserverless;
#[cfg(feature = "rekognition")]
#[doc = "Rekognition: the `rekognition` feature."]
#[rustfmt::skip]
pub mod rekognition;
#[cfg(feature = "resiliencehub")]
#[doc = "Resilience Hub: the `resiliencehub` feature."]
#[rustfmt::skip]
pub mod resiliencehub;
#[cfg(feature = "resourceexplorer2")]
#[doc = "Resource Explorer: the `resourceexplorer2` feature."]
#[rustfmt::skip]
pub mod resourceexplorer2;
#[cfg(feature = "resourcegroups")]
#[doc = "Resource Groups: the `resourcegroups` feature."]
#[rustfmt::skip]
pub mod resourcegroups;
#[cfg(feature = "resourcegroupstaggingapi")]
#[doc = "Resource Groups Tagging: the `resourcegroupstaggingapi` feature."]
#[rustfmt::skip]
pub mod resourcegroupstaggingapi;
#[cfg(feature = "rolesanywhere")]
#[doc = "Roles Anywhere: the `rolesanywhere` feature."]
#[rustfmt::skip]
pub mod rolesanywhere;
#[cfg(feature = "route53")]
#[doc = "Route 53: the `route53` feature."]
#[rustfmt::skip]
pub mod route53;
#[cfg(feature = "route53domains")]
#[doc = "Route 53 Domains: the `route53domains` feature."]
#[rustfmt::skip]
pub mod route53domains;
#[cfg(feature = "route53profiles")]
#[doc = "Route 53 Profiles: the `route53profiles` feature."]
#[rustfmt::skip]
pub mod route53profiles;
#[cfg(feature = "route53recoverycontrolconfig")]
#[doc = "Route 53 Recovery Control Config: the `route53recoverycontrolconfig` feature."]
#[rustfmt::skip]
pub mod route53recoverycontrolconfig;
#[cfg(feature = "route53recoveryreadiness")]
#[doc = "Route 53 Recovery Readiness: the `route53recoveryreadiness` feature."]
#[rustfmt::skip]
pub mod route53recoveryreadiness;
#[cfg(feature = "route53resolver")]
#[doc = "Route 53 Resolver: the `route53resolver` feature."]
#[rustfmt::skip]
pub mod route53resolver;
#[cfg(feature = "rum")]
#[doc = "CloudWatch RUM: the `rum` feature."]
#[rustfmt::skip]
pub mod rum;
#[cfg(feature = "s3")]
#[doc = "S3 (Simple Storage): the `s3` feature."]
#[rustfmt::skip]
pub mod s3;
#[cfg(feature = "s3control")]
#[doc = "S3 Control: the `s3control` feature."]
#[rustfmt::skip]
pub mod s3control;
#[cfg(feature = "s3outposts")]
#[doc = "S3 on Outposts: the `s3outposts` feature."]
#[rustfmt::skip]
pub mod s3outposts;
#[cfg(feature = "s3tables")]
#[doc = "S3 Tables: the `s3tables` feature."]
#[rustfmt::skip]
pub mod s3tables;
#[cfg(feature = "sagemaker")]
#[doc = "SageMaker AI: the `sagemaker` feature."]
#[rustfmt::skip]
pub mod sagemaker;
#[cfg(feature = "scheduler")]
#[doc = "EventBridge Scheduler: the `scheduler` feature."]
#[rustfmt::skip]
pub mod scheduler;
#[cfg(feature = "schemas")]
#[doc = "EventBridge Schemas: the `schemas` feature."]
#[rustfmt::skip]
pub mod schemas;
#[cfg(feature = "sdb")]
#[doc = "SDB (SimpleDB): the `sdb` feature."]
#[rustfmt::skip]
pub mod sdb;
#[cfg(feature = "secretsmanager")]
#[doc = "Secrets Manager: the `secretsmanager` feature."]
#[rustfmt::skip]
pub mod secretsmanager;
#[cfg(feature = "securityhub")]
#[doc = "Security Hub: the `securityhub` feature."]
#[rustfmt::skip]
pub mod securityhub;
#[cfg(feature = "securitylake")]
#[doc = "Security Lake: the `securitylake` feature."]
#[rustfmt::skip]
pub mod securitylake;
#[cfg(feature = "serverlessrepo")]
#[doc = "Serverless Application Repository: the `serverlessrepo` feature."]
#[rustfmt::skip]
pub mod serverlessrepo;
#[cfg(feature = "servicecatalog")]
#[doc = "Service Catalog: the `servicecatalog` feature."]
#[rustfmt::skip]
pub mod servicecatalog;
#[cfg(feature = "servicecatalogappregistry")]
#[doc = "Service Catalog AppRegistry: the `servicecatalogappregistry` feature."]
#[rustfmt::skip]
pub mod servicecatalogappregistry;
#[cfg(feature = "servicediscovery")]
#[doc = "Cloud Map: the `servicediscovery` feature."]
#[rustfmt::skip]
pub mod servicediscovery;
#[cfg(feature = "servicequotas")]
#[doc = "Service Quotas: the `servicequotas` feature."]
#[rustfmt::skip]
pub mod servicequotas;
#[cfg(feature = "ses")]
#[doc = "SES (Simple Email): the `ses` feature."]
#[rustfmt::skip]
pub mod ses;
#[cfg(feature = "sesv2")]
#[doc = "SESv2 (Simple Email V2): the `sesv2` feature."]
#[rustfmt::skip]
pub mod sesv2;
#[cfg(feature = "sfn")]
#[doc = "SFN (Step Functions): the `sfn` feature."]
#[rustfmt::skip]
pub mod sfn;
#[cfg(feature = "shield")]
#[doc = "Shield: the `shield` feature."]
#[rustfmt::skip]
pub mod shield;
#[cfg(feature = "signer")]
#[doc = "Signer: the `signer` feature."]
#[rustfmt::skip]
pub mod signer;
#[cfg(feature = "sns")]
#[doc = "SNS (Simple Notification): the `sns` feature."]
#[rustfmt::skip]
pub mod sns;
#[cfg(feature = "sqs")]
#[doc = "SQS (Simple Queue): the `sqs` feature."]
#[rustfmt::skip]
pub mod sqs;
#[cfg(feature = "ssm")]
#[doc = "SSM (Systems Manager): the `ssm` feature."]
#[rustfmt::skip]
pub mod ssm;
#[cfg(feature = "ssmcontacts")]
#[doc = "SSM Contacts: the `ssmcontacts` feature."]
#[rustfmt::skip]
pub mod ssmcontacts;
#[cfg(feature = "ssmincidents")]
#[doc = "SSM Incident Manager Incidents: the `ssmincidents` feature."]
#[rustfmt::skip]
pub mod ssmincidents;
#[cfg(feature = "ssmquicksetup")]
#[doc = "SSM Quick Setup: the `ssmquicksetup` feature."]
#[rustfmt::skip]
pub mod ssmquicksetup;
#[cfg(feature = "ssoadmin")]
#[doc = "SSO Admin: the `ssoadmin` feature."]
#[rustfmt::skip]
pub mod ssoadmin;
#[cfg(feature = "storagegateway")]
#[doc = "Storage Gateway: the `storagegateway` feature."]
#[rustfmt::skip]
pub mod storagegateway;
#[cfg(feature = "sts")]
#[doc = "STS (Security Token): the `sts` feature."]
#[rustfmt::skip]
pub mod sts;
#[cfg(feature = "swf")]
#[doc = "SWF (Simple Workflow): the `swf` feature."]
#[rustfmt::skip]
pub mod swf;
#[cfg(feature = "synthetics")]
#[doc = "CloudWatch Synthetics: the `synthetics` feature."]
#[rustfmt::skip]
pub mod synthetics;
#[cfg(feature = "timestreaminfluxdb")]
#[doc = "Timestream for InfluxDB: the `timestreaminfluxdb` feature."]
#[rustfmt::skip]
pub mod timestreaminfluxdb;
#[cfg(feature = "timestreamquery")]
#[doc = "Timestream Query: the `timestreamquery` feature."]
#[rustfmt::skip]
pub mod timestreamquery;
#[cfg(feature = "timestreamwrite")]
#[doc = "Timestream Write: the `timestreamwrite` feature."]
#[rustfmt::skip]
pub mod timestreamwrite;
#[cfg(feature = "transcribe")]
#[doc = "Transcribe: the `transcribe` feature."]
#[rustfmt::skip]
pub mod transcribe;
#[cfg(feature = "transfer")]
#[doc = "Transfer Family: the `transfer` feature."]
#[rustfmt::skip]
pub mod transfer;
#[cfg(feature = "transitgateway")]
#[doc = "Transit Gateway: the `transitgateway` feature."]
#[rustfmt::skip]
pub mod transitgateway;
#[cfg(feature = "verifiedaccess")]
#[doc = "Verified Access: the `verifiedaccess` feature."]
#[rustfmt::skip]
pub mod verifiedaccess;
#[cfg(feature = "verifiedpermissions")]
#[doc = "Verified Permissions: the `verifiedpermissions` feature."]
#[rustfmt::skip]
pub mod verifiedpermissions;
#[cfg(feature = "vpc")]
#[doc = "VPC (Virtual Private Cloud): the `vpc` feature."]
#[rustfmt::skip]
pub mod vpc;
#[cfg(feature = "vpclattice")]
#[doc = "VPC Lattice: the `vpclattice` feature."]
#[rustfmt::skip]
pub mod vpclattice;
#[cfg(feature = "vpnclient")]
#[doc = "VPN (Client): the `vpnclient` feature."]
#[rustfmt::skip]
pub mod vpnclient;
#[cfg(feature = "vpnsite")]
#[doc = "VPN (Site-to-Site): the `vpnsite` feature."]
#[rustfmt::skip]
pub mod vpnsite;
#[cfg(feature = "waf")]
#[doc = "WAF Classic: the `waf` feature."]
#[rustfmt::skip]
pub mod waf;
#[cfg(feature = "wafregional")]
#[doc = "WAF Classic Regional: the `wafregional` feature."]
#[rustfmt::skip]
pub mod wafregional;
#[cfg(feature = "wafv2")]
#[doc = "WAF: the `wafv2` feature."]
#[rustfmt::skip]
pub mod wafv2;
#[cfg(feature = "wavelength")]
#[doc = "Wavelength: the `wavelength` feature."]
#[rustfmt::skip]
pub mod wavelength;
#[cfg(feature = "worklink")]
#[doc = "WorkLink: the `worklink` feature."]
#[rustfmt::skip]
pub mod worklink;
#[cfg(feature = "workspaces")]
#[doc = "WorkSpaces: the `workspaces` feature."]
#[rustfmt::skip]
pub mod workspaces;
#[cfg(feature = "workspacesweb")]
#[doc = "WorkSpaces Web: the `workspacesweb` feature."]
#[rustfmt::skip]
pub mod workspacesweb;
#[cfg(feature = "xray")]
#[doc = "X-Ray: the `xray` feature."]
#[rustfmt::skip]
pub mod xray;
