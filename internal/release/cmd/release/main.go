// Command release builds seclint's release archives and checksums into a
// directory; scripts/release runs it.
//
//	go run ./internal/release/cmd/release -version v0.1.0 -out dist [-targets linux/amd64,...]
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/seclint/seclint/internal/release"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("release", flag.ContinueOnError)
	version := fs.String("version", "", "the release tag, vX.Y.Z (default: the tag at HEAD)")
	out := fs.String("out", "dist", "output directory")
	notes := fs.String("notes", "", "also write the version's CHANGELOG.md section to `FILE` (the release description)")
	targets := fs.String("targets", strings.Join(release.DefaultTargets, ","), "comma-separated GOOS/GOARCH list")
	if err := fs.Parse(args); err != nil {
		return err
	}
	c := release.Config{Version: *version, Out: *out, Root: ".", Targets: strings.Split(*targets, ",")}
	if c.Version == "" {
		tag, err := git(c.Root, "describe", "--tags", "--exact-match", "HEAD")
		if err != nil {
			return fmt.Errorf("no -version and no tag at HEAD: %w", err)
		}
		c.Version = tag
	}
	var err error
	if c.Commit, err = git(c.Root, "rev-parse", "HEAD"); err != nil {
		return err
	}
	ct, err := git(c.Root, "log", "-1", "--format=%ct", "HEAD")
	if err != nil {
		return err
	}
	sec, err := strconv.ParseInt(ct, 10, 64)
	if err != nil {
		return fmt.Errorf("commit time %q: %w", ct, err)
	}
	c.Time = time.Unix(sec, 0).UTC()
	if *notes != "" {
		// Checked before building: a version without notes is not released.
		cl, err := os.ReadFile("CHANGELOG.md")
		if err != nil {
			return err
		}
		text, err := release.Notes(string(cl), c.Version)
		if err != nil {
			return err
		}
		if err := os.WriteFile(*notes, []byte(text), 0o644); err != nil {
			return err
		}
	}
	files, err := release.Release(c)
	if err != nil {
		return err
	}
	for _, f := range files {
		fmt.Println(f)
	}
	return nil
}

func git(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return "", fmt.Errorf("git %s: %w: %s", strings.Join(args, " "), err, bytes.TrimSpace(ee.Stderr))
		}
		return "", fmt.Errorf("git %s: %w", strings.Join(args, " "), err)
	}
	return strings.TrimSpace(string(out)), nil
}
