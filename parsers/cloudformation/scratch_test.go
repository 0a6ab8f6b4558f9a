package cloudformation

import (
	"fmt"
	"testing"

	"gopkg.in/yaml.v3"
)

func TestScratch(t *testing.T) {
	for _, s := range []string{
		"x: 1\ny: 2\na: [1, 2\nb: 3",
		"x: 1\ny: 2\nk: !ImportValue Fn::Sub: x\n",
		"k: !ImportValue Fn::Sub: x\n",
		"x: 1\ny: 2\nk: {a: 1\n",
		"x: 1\ny: 2\nk: \"abc\n",
		"x: 1\ny: 2\n  k: 1\n",
		"x: 1\ny: 2\n- a\n",
		"x: 1\ny: 2\nz: *nope\n",
		"x: 1\ny: 2\nz: \x01\n",
		"x: 1\ny: 2\nz: a\x00b\n",
		"x: 1\ny: 2\nz: a\n---\nb: 1\n",
		"x: 1\ny: 2\nz: a\n...\n  - b\n",
		"[[[[[[",
	} {
		var n yaml.Node
		err := yaml.Unmarshal([]byte(s), &n)
		fmt.Printf("%q -> %v\n", s, err)
	}
}
