variable "name" {
  description = "Name prefix of every resource (and the EKS cluster, RDS and Redis identifiers)."
  type        = string
  default     = "whatsapp-reader"
}

variable "environment" {
  description = "Environment tag (production, staging…)."
  type        = string
  default     = "production"
}

variable "region" {
  description = "AWS region of everything but CloudFront (global)."
  type        = string
  default     = "eu-west-1"
}

# ---- network: the subnets are literal so infra/k8s NetworkPolicies can name them ----------

variable "vpc_cidr" {
  type    = string
  default = "10.0.0.0/16"
}

variable "private_subnets" {
  description = "EKS nodes and pods (VPC CNI), one per AZ."
  type        = list(string)
  default     = ["10.0.0.0/19", "10.0.32.0/19", "10.0.64.0/19"]
}

variable "public_subnets" {
  description = "Load balancers and NAT gateways."
  type        = list(string)
  default     = ["10.0.96.0/22", "10.0.100.0/22", "10.0.104.0/22"]
}

variable "database_subnets" {
  description = "RDS. Must stay inside the postgres ipBlock of infra/k8s/60-networkpolicies.yaml."
  type        = list(string)
  default     = ["10.0.112.0/24", "10.0.113.0/24", "10.0.114.0/24"]
}

variable "elasticache_subnets" {
  description = "ElastiCache. Must stay inside the redis ipBlock of the NetworkPolicies."
  type        = list(string)
  default     = ["10.0.116.0/24", "10.0.117.0/24", "10.0.118.0/24"]
}

variable "single_nat_gateway" {
  description = "One NAT gateway for all AZs (cheaper, not zone-redundant)."
  type        = bool
  default     = false
}

# ---- EKS ------------------------------------------------------------------------------------

variable "kubernetes_version" {
  type    = string
  default = "1.33"
}

variable "eks_public_access_cidrs" {
  description = "Who may reach the Kubernetes API endpoint."
  type        = list(string)
  default     = ["0.0.0.0/0"]
}

variable "node_instance_types" {
  type    = list(string)
  default = ["m7i.large"]
}

variable "node_min_size" {
  type    = number
  default = 2
}

variable "node_max_size" {
  type    = number
  default = 6
}

variable "node_desired_size" {
  type    = number
  default = 3
}

# ---- RDS PostgreSQL ---------------------------------------------------------------------------

variable "db_engine_version" {
  description = "PostgreSQL major version; the backup image (Dockerfile PG_MAJOR) must match."
  type        = string
  default     = "17"
}

variable "db_instance_class" {
  type    = string
  default = "db.m7g.large"
}

variable "db_allocated_storage" {
  type    = number
  default = 100
}

variable "db_max_allocated_storage" {
  description = "Storage autoscaling ceiling (GiB)."
  type        = number
  default     = 1000
}

variable "db_multi_az" {
  type    = bool
  default = true
}

variable "db_backup_retention_days" {
  description = "Automated snapshots and point-in-time recovery window."
  type        = number
  default     = 14
}

# ---- ElastiCache Redis ----------------------------------------------------------------------

variable "redis_engine_version" {
  type    = string
  default = "7.1"
}

variable "redis_node_type" {
  type    = string
  default = "cache.m7g.large"
}

# ---- S3 ---------------------------------------------------------------------------------------

variable "uploads_bucket_name" {
  description = "Uploads bucket; default <name>-uploads-<account id>."
  type        = string
  default     = null
}

variable "backups_bucket_name" {
  description = "Logical backups bucket; default <name>-backups-<account id>."
  type        = string
  default     = null
}

variable "backup_retention_days" {
  description = "Days a nightly pg_dump is kept."
  type        = number
  default     = 35
}

variable "app_namespace" {
  description = "Kubernetes namespace of the app (the backup ServiceAccount lives there)."
  type        = string
  default     = "whatsapp-reader"
}

# ---- CloudFront -------------------------------------------------------------------------------

variable "domain_name" {
  description = "Public host name of the reader (CloudFront alias and the Ingress host)."
  type        = string
  default     = "reader.example.com"
}

variable "cloudfront_certificate_arn" {
  description = "ACM certificate for domain_name, in us-east-1 (a CloudFront requirement)."
  type        = string
}

variable "origin_domain_name" {
  description = "DNS name of the ingress load balancer; it must serve a certificate for domain_name."
  type        = string
}

variable "cloudfront_price_class" {
  type    = string
  default = "PriceClass_100"
}

variable "waf_web_acl_arn" {
  description = "Optional WAFv2 web ACL (scope CLOUDFRONT) in front of the distribution."
  type        = string
  default     = null
}
