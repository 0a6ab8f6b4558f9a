package link

// s3Objects links the objects a configuration uploads with their bucket,
// whose public access block decides whether S3 ignores their ACLs.
func (l *linker) s3Objects() {
	for _, o := range l.m.AWS.S3.Objects {
		o.BucketRef = ""
		if b := l.buckets.resolve(o.Target); b != nil {
			o.BucketRef = b.ID
		}
	}
}
