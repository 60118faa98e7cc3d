terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }

  # The state holds generated secrets (RDS password, Redis AUTH token, the app's S3 key):
  # keep it in an encrypted, access-restricted bucket, e.g.
  #   terraform init -backend-config="bucket=…" -backend-config="key=whatsapp-reader.tfstate" \
  #     -backend-config="region=eu-west-1" -backend-config="encrypt=true" \
  #     -backend-config="use_lockfile=true"
  backend "s3" {}
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Application = var.name
      Environment = var.environment
      ManagedBy   = "terraform"
    }
  }
}
