# Secret helpers
# What looks like a secret by its name or description (SSM parameters,
# CloudFormation parameters), and which KMS key settings mean the AWS
# managed key of a service (aws/ssm, aws/secretsmanager).
#
# A name looks like a secret when one of its words is a secret word —
# password, passwd, passphrase, secret(s), token(s), credential(s), api key
# (apikey, api_key, ApiKey), private key — alone or at the end of a
# compound word (dbpassword, GitHubToken, clientSecret). Words are split
# at anything but letters (digits included: db_password2, MYSECRET2) and at
# case changes, and compared ignoring case, so "secretary" and "tokenizer"
# are not secrets.
# A secret word followed by a word that makes the name about the secret,
# not the secret itself (token-endpoint-url, db-password-arn,
# PasswordLength, secret_name, SessionTokenTTL), does not count. For a
# parameter path only the last segment is read: /secret/app/db-host is a
# host name.
#
# A description is free text: it looks like a secret when it has a secret
# word and none of those qualifying words anywhere ("Database password for
# the app" does; "ARN of the secret that holds the password" does not).
package seclint.lib

_secret_words := {
	"password", "passwords", "passwd", "passphrase",
	"secret", "secrets",
	"token", "tokens",
	"credential", "credentials",
	"apikey", "apikeys", "privatekey",
}

# Words that, after a secret word, make a name about the secret: where it
# is, what it is called, how it is configured.
_qualifiers := {
	"arn", "arns", "url", "urls", "uri", "endpoint", "endpoints", "host",
	"name", "names", "id", "ids", "path", "paths", "ref", "location", "file",
	"length", "len", "min", "max", "size", "format", "type", "policy",
	"ttl", "expiry", "expiration", "expires", "lifetime", "duration", "timeout", "days",
	"rotation", "version", "header", "prefix", "enabled", "enable", "required",
	"count", "hint", "reset", "issuer", "audience", "validity",
	"kms", "alias", "age", "reuse", "rule", "rules", "param", "params", "parameter", "parameters",
}

# name_words(s) splits a name into lower-case words: at every character that
# is not a letter (a digit too: db_password2 → db, password; MYSECRET2 →
# mysecret), and at case changes (DBPassword → db, password; apiKey → api,
# key).
name_words(s) := [w |
	spaced := regex.replace(regex.replace(s, `([a-z])([A-Z])`, "${1} ${2}"), `([A-Z]+)([A-Z][a-z])`, "${1} ${2}")
	some w in split(lower(regex.replace(spaced, `[^A-Za-z]+`, " ")), " ")
	w != ""
]

# last_path_segment(name) is what follows the last "/" of a parameter path
# (the name itself when it has none).
last_path_segment(name) := seg if {
	parts := [p | some p in split(name, "/"); p != ""]
	count(parts) > 0
	seg := parts[count(parts) - 1]
}

# _secret_end(words, i) is the index of the last word of a secret word or
# phrase that starts at word i.
_secret_end(words, i) := i if regex.match(_secret_word_at_end, words[i])

# _secret_word_at_end matches a word that ends with one of _secret_words:
# one match per word instead of an endswith per secret word. (The secret
# words are letters only, so they need no escaping.)
_secret_word_at_end := concat("", ["(?:", concat("|", _secret_words), ")$"])

_secret_end(words, i) := i + 1 if {
	words[i] in {"api", "private"}
	words[i + 1] in {"key", "keys"}
}

# _may_mention_secret(s): s contains the text of a secret word (every word of
# _secret_words contains one of these, and "api key" and "private key" are
# words split only by what is not a letter). Splitting a name into words
# costs three regular expression replacements; this one match spares it for
# the names that cannot qualify (KeyName, KmsKeyId).
_may_mention_secret(s) if regex.match(may_mention_secret_pattern, s)

# may_mention_secret_pattern is _may_mention_secret's expression, for a rule
# that tests many names to match before it calls looks_like_secret_name.
may_mention_secret_pattern := `(?i)passw|passphrase|secret|token|credential|(?:api|private)[^A-Za-z]*key`

# looks_like_secret_name(name): a known name (a parameter path's last
# segment) looks like a secret.
looks_like_secret_name(name) if {
	is_string(name)
	_may_mention_secret(name)
	words := name_words(last_path_segment(name))
	some i, _ in words
	end := _secret_end(words, i)
	not _qualified_after(words, end)
}

_qualified_after(words, end) if {
	some k, w in words
	k > end
	w in _qualifiers
}

# looks_like_secret_text(text): a known description mentions a secret and
# no qualifying word.
looks_like_secret_text(text) if {
	is_string(text)
	_may_mention_secret(text)
	words := name_words(text)
	some i, _ in words
	_secret_end(words, i)
	not _any_qualifier(words)
}

_any_qualifier(words) if {
	some w in words
	w in _qualifiers
}

# uses_aws_managed_key(obj, attr, service): the KMS key setting attr of obj
# is not written, is empty, or names the AWS managed key of service
# (alias/aws/ssm, or an alias ARN ending in it). Never holds when the
# setting is unknown.
uses_aws_managed_key(obj, attr, _) if absent(obj, attr)

uses_aws_managed_key(obj, attr, _) if obj[attr] == ""

uses_aws_managed_key(obj, attr, service) if {
	is_string(obj[attr])
	endswith(lower(obj[attr]), concat("", ["alias/aws/", service]))
}

# setting_value(v): a known value that is a setting, not a secret: a boolean
# or on/off word (true, Enabled, required, ...) or a whole number
# (EKSEncryptSecrets: Enabled, MaxPasswordAge: 90).
setting_value(v) if {
	is_string(v)
	lower(v) in {
		"true", "false", "yes", "no", "on", "off",
		"enabled", "disabled", "enable", "disable",
		"required", "optional", "none",
	}
}

setting_value(v) if {
	is_string(v)
	regex.match(`^[0-9]+$`, v)
}
