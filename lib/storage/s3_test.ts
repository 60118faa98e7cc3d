import { startS3rver } from "../../tests/helpers/s3.ts";
import { blobStoreContract } from "./contract_test_util.ts";
import { createS3BlobStore } from "./s3.ts";

// 5 MiB parts (the S3 minimum) so the 5 MB contract body goes through multipart upload.
blobStoreContract("s3 (s3rver)", async () => {
  const s3 = await startS3rver();
  return {
    store: createS3BlobStore(s3.config, { partSize: 5 * 1024 * 1024 }),
    dispose: s3.close,
  };
});
