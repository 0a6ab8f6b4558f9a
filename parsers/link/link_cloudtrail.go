package link

// cloudTrail links each trail with its log bucket and its KMS key when
// they are in the unit: by reference (s3_bucket_name =
// aws_s3_bucket.logs.id, !Ref LogBucket, kms_key_id = aws_kms_key.logs.arn)
// or by the bucket's known name. Rules reach the bucket's versioning,
// Object Lock and policies through BucketRef. A trail whose bucket or key
// is outside the scan keeps an empty link. Event data stores are linked
// with their KMS key the same way.
func (l *linker) cloudTrail() {
	for _, e := range l.m.AWS.CloudTrail.EventDataStores {
		e.KeyRef = ""
		if k := l.keys.resolve(e.Key); k != nil {
			e.KeyRef = k.ID
		}
	}
	for _, t := range l.m.AWS.CloudTrail.Trails {
		t.BucketRef, t.KeyRef = "", ""
		if b := l.buckets.resolve(t.Bucket); b != nil {
			t.BucketRef = b.ID
		}
		if k := l.keys.resolve(t.Key); k != nil {
			t.KeyRef = k.ID
		}
	}
}
