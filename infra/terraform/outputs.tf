# Values for the Kubernetes ConfigMap and Secrets (docs/operations.md "Secrets").

output "vpc_id" {
  value = module.vpc.vpc_id
}

output "cluster_name" {
  value = module.eks.cluster_name
}

output "cluster_endpoint" {
  value = module.eks.cluster_endpoint
}

output "rds_endpoint" {
  value = aws_db_instance.postgres.address
}

output "database_url" {
  description = "DATABASE_URL of the app's Secret (TLS required by the parameter group)."
  value       = "postgres://${aws_db_instance.postgres.username}:${random_password.db.result}@${aws_db_instance.postgres.address}:${aws_db_instance.postgres.port}/${aws_db_instance.postgres.db_name}?sslmode=require"
  sensitive   = true
}

output "redis_primary_endpoint" {
  value = aws_elasticache_replication_group.redis.primary_endpoint_address
}

output "redis_url" {
  description = "REDIS_URL of the REST bridge's Secret (TLS + AUTH token)."
  value       = "rediss://:${random_password.redis.result}@${aws_elasticache_replication_group.redis.primary_endpoint_address}:6379"
  sensitive   = true
}

output "uploads_bucket" {
  description = "S3_BUCKET of the ConfigMap."
  value       = aws_s3_bucket.uploads.bucket
}

output "backup_s3_uri" {
  description = "BACKUP_S3_URI of the backup CronJob."
  value       = "s3://${aws_s3_bucket.backups.bucket}/postgres"
}

output "backup_role_arn" {
  description = "eks.amazonaws.com/role-arn of the backup ServiceAccount."
  value       = aws_iam_role.backup.arn
}

output "app_s3_access_key_id" {
  value = aws_iam_access_key.app.id
}

output "app_s3_secret_access_key" {
  value     = aws_iam_access_key.app.secret
  sensitive = true
}

output "cloudfront_domain_name" {
  description = "Point domain_name (CNAME/alias) here."
  value       = aws_cloudfront_distribution.reader.domain_name
}

output "cloudfront_distribution_id" {
  value = aws_cloudfront_distribution.reader.id
}
