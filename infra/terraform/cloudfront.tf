# CloudFront in front of the ingress. The cache policies follow the app's Cache-Control:
#   pages and API      private, no-cache + strong ETag  → never cached; every viewer header,
#                      cookie and query string reaches the app (sessions, bearer tokens,
#                      Origin/Sec-Fetch-Site for the CSRF check, If-None-Match for 304s)
#   /static/build/*    public, max-age=31536000, immutable (hashed names) → cached a year,
#                      no cookies/headers/query strings in the key
#   /s/*               public, s-maxage=60 (shared pages) → cached per path + query string,
#                      never keyed on (nor forwarded) cookies or Authorization
# docs/operations.md "CloudFront" lists the headers each policy assumes.

# Pages and API: min TTL 0 so the origin's `private, no-cache` wins, and a cache key holding
# Authorization and every cookie, so nothing could be shared between users even if an
# uncacheable header were ever missing (max TTL 1 s caps that case too).
resource "aws_cloudfront_cache_policy" "private" {
  name        = "${var.name}-private"
  comment     = "Pages and API: private, no-cache; keyed on Authorization, cookies, query"
  min_ttl     = 0
  default_ttl = 0
  max_ttl     = 1

  parameters_in_cache_key_and_forwarded_to_origin {
    enable_accept_encoding_brotli = true
    enable_accept_encoding_gzip   = true

    cookies_config {
      cookie_behavior = "all"
    }
    headers_config {
      header_behavior = "whitelist"
      headers {
        items = ["Authorization"]
      }
    }
    query_strings_config {
      query_string_behavior = "all"
    }
  }
}

# Everything else the viewer sent (Host, Origin, Sec-Fetch-*, If-None-Match, Content-Type…).
data "aws_cloudfront_origin_request_policy" "all_viewer" {
  name = "Managed-AllViewer"
}

resource "aws_cloudfront_cache_policy" "immutable_assets" {
  name        = "${var.name}-immutable-assets"
  comment     = "/static/build/*: public, max-age=31536000, immutable; no cookies in the key"
  min_ttl     = 0
  default_ttl = 86400
  max_ttl     = 31536000

  parameters_in_cache_key_and_forwarded_to_origin {
    enable_accept_encoding_brotli = true
    enable_accept_encoding_gzip   = true

    cookies_config {
      cookie_behavior = "none"
    }
    headers_config {
      header_behavior = "none"
    }
    query_strings_config {
      query_string_behavior = "none"
    }
  }
}

resource "aws_cloudfront_cache_policy" "shared_pages" {
  name        = "${var.name}-shared-pages"
  comment     = "/s/*: public, s-maxage=60; keyed on path and query string only"
  min_ttl     = 0
  default_ttl = 0
  max_ttl     = 31536000

  parameters_in_cache_key_and_forwarded_to_origin {
    enable_accept_encoding_brotli = true
    enable_accept_encoding_gzip   = true

    cookies_config {
      cookie_behavior = "none"
    }
    headers_config {
      header_behavior = "none"
    }
    query_strings_config {
      query_string_behavior = "all"
    }
  }
}

resource "aws_cloudfront_cache_policy" "media_files" {
  name        = "${var.name}-media-files"
  comment     = "/files/*: capability URLs, public, max-age=31536000, immutable; path + query key"
  min_ttl     = 0
  default_ttl = 86400
  max_ttl     = 31536000

  parameters_in_cache_key_and_forwarded_to_origin {
    enable_accept_encoding_brotli = false
    enable_accept_encoding_gzip   = false

    cookies_config {
      cookie_behavior = "none"
    }
    headers_config {
      header_behavior = "none"
    }
    # ?download=1 changes Content-Disposition: part of the key.
    query_strings_config {
      query_string_behavior = "all"
    }
  }
}

# Cached behaviours forward only Host besides the cache key: the ingress routes (and CloudFront
# validates the origin certificate) by it.
resource "aws_cloudfront_origin_request_policy" "host_only" {
  name    = "${var.name}-host-only"
  comment = "Cached behaviours: forward Host, no cookies"

  cookies_config {
    cookie_behavior = "none"
  }
  headers_config {
    header_behavior = "whitelist"
    headers {
      items = ["Host"]
    }
  }
  query_strings_config {
    query_string_behavior = "none"
  }
}

resource "aws_cloudfront_distribution" "reader" {
  enabled         = true
  comment         = "${var.name} (${var.environment})"
  aliases         = [var.domain_name]
  http_version    = "http2and3"
  is_ipv6_enabled = true
  price_class     = var.cloudfront_price_class
  web_acl_id      = var.waf_web_acl_arn

  origin {
    origin_id   = "ingress"
    domain_name = var.origin_domain_name

    custom_origin_config {
      http_port                = 80
      https_port               = 443
      origin_protocol_policy   = "https-only"
      origin_ssl_protocols     = ["TLSv1.2"]
      origin_read_timeout      = 60
      origin_keepalive_timeout = 60
    }
  }

  default_cache_behavior {
    target_origin_id         = "ingress"
    viewer_protocol_policy   = "redirect-to-https"
    allowed_methods          = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
    cached_methods           = ["GET", "HEAD"]
    compress                 = true
    cache_policy_id          = aws_cloudfront_cache_policy.private.id
    origin_request_policy_id = data.aws_cloudfront_origin_request_policy.all_viewer.id
  }

  ordered_cache_behavior {
    path_pattern             = "/static/build/*"
    target_origin_id         = "ingress"
    viewer_protocol_policy   = "redirect-to-https"
    allowed_methods          = ["GET", "HEAD"]
    cached_methods           = ["GET", "HEAD"]
    compress                 = true
    cache_policy_id          = aws_cloudfront_cache_policy.immutable_assets.id
    origin_request_policy_id = aws_cloudfront_origin_request_policy.host_only.id
  }

  ordered_cache_behavior {
    path_pattern             = "/s/*"
    target_origin_id         = "ingress"
    viewer_protocol_policy   = "redirect-to-https"
    allowed_methods          = ["GET", "HEAD"]
    cached_methods           = ["GET", "HEAD"]
    compress                 = true
    cache_policy_id          = aws_cloudfront_cache_policy.shared_pages.id
    origin_request_policy_id = aws_cloudfront_origin_request_policy.host_only.id
  }

  ordered_cache_behavior {
    path_pattern             = "/files/*"
    target_origin_id         = "ingress"
    viewer_protocol_policy   = "redirect-to-https"
    allowed_methods          = ["GET", "HEAD"]
    cached_methods           = ["GET", "HEAD"]
    compress                 = false
    cache_policy_id          = aws_cloudfront_cache_policy.media_files.id
    origin_request_policy_id = aws_cloudfront_origin_request_policy.host_only.id
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    acm_certificate_arn      = var.cloudfront_certificate_arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}
