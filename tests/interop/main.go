// Command interop checks an Evere log exported as C2SP tlog-tiles with someone else's code: the
// Go checksum database's golang.org/x/mod/sumdb/note and sumdb/tlog.
//
//	interop -dir DIR -log-key VKEY [-witness VKEY ...] [-min-witnesses N] [-old FILE]
//
// It opens DIR/checkpoint with note (the log's signature and the witnesses' cosignature/v1
// lines), reads the hash tiles through tlog's TileHashReader (which checks every tile against the
// tree head), recomputes the tree head, proves the inclusion of every entry in the entry bundles
// present, and, given an older checkpoint, proves the newer tree consistent with it. It prints one
// JSON summary and exits non-zero at the first failure.
package main

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

const tileHeight = 8

type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// cosignatureVerifier verifies c2sp.org/tlog-cosignature "cosignature/v1" lines: key ID
// SHA-256(name || "\n" || 0x04 || key)[:4]; signature = u64 timestamp || Ed25519 over
// "cosignature/v1\ntime <t>\n" || checkpoint text.
type cosignatureVerifier struct {
	name string
	hash uint32
	key  ed25519.PublicKey
}

func (v *cosignatureVerifier) Name() string    { return v.name }
func (v *cosignatureVerifier) KeyHash() uint32 { return v.hash }
func (v *cosignatureVerifier) Verify(msg, sig []byte) bool {
	if len(sig) != 8+ed25519.SignatureSize {
		return false
	}
	t := binary.BigEndian.Uint64(sig[:8])
	signed := append([]byte(fmt.Sprintf("cosignature/v1\ntime %d\n", t)), msg...)
	return ed25519.Verify(v.key, signed, sig[8:])
}

func newCosignatureVerifier(vkey string) (*cosignatureVerifier, error) {
	parts := strings.SplitN(vkey, "+", 3)
	if len(parts) != 3 {
		return nil, fmt.Errorf("witness key %q is not name+hash+key", vkey)
	}
	raw, err := base64.StdEncoding.DecodeString(parts[2])
	if err != nil || len(raw) != 1+ed25519.PublicKeySize || raw[0] != 0x04 {
		return nil, fmt.Errorf("witness key %q is not a cosignature/v1 Ed25519 key", vkey)
	}
	id := sha256.Sum256(append([]byte(parts[0]+"\n"), raw...))
	hash := binary.BigEndian.Uint32(id[:4])
	if fmt.Sprintf("%08x", hash) != parts[1] {
		return nil, fmt.Errorf("witness key %q: hash does not match", vkey)
	}
	return &cosignatureVerifier{name: parts[0], hash: hash, key: ed25519.PublicKey(raw[1:])}, nil
}

// dirTiles reads C2SP tile paths (tile/L/N[.p/W], without Go's height element) from a directory.
type dirTiles struct{ dir string }

func (d dirTiles) Height() int { return tileHeight }
func (d dirTiles) ReadTiles(tiles []tlog.Tile) ([][]byte, error) {
	out := make([][]byte, len(tiles))
	for i, t := range tiles {
		path := "tile/" + strings.TrimPrefix(t.Path(), fmt.Sprintf("tile/%d/", tileHeight))
		data, err := os.ReadFile(filepath.Join(d.dir, filepath.FromSlash(path)))
		if err != nil {
			return nil, err
		}
		out[i] = data
	}
	return out, nil
}
func (d dirTiles) SaveTiles([]tlog.Tile, [][]byte) {}

type checkpoint struct {
	origin string
	tree   tlog.Tree
	sigs   []string
}

func openCheckpoint(path string, verifiers note.Verifiers, logName string) (checkpoint, error) {
	msg, err := os.ReadFile(path)
	if err != nil {
		return checkpoint{}, err
	}
	n, err := note.Open(msg, verifiers)
	if err != nil {
		return checkpoint{}, fmt.Errorf("%s: %w", path, err)
	}
	signedByLog := false
	var names []string
	for _, s := range n.Sigs {
		if s.Name == logName {
			signedByLog = true
		} else {
			names = append(names, s.Name)
		}
	}
	if !signedByLog {
		return checkpoint{}, fmt.Errorf("%s: not signed by the log", path)
	}
	lines := strings.SplitN(n.Text, "\n", 4)
	if len(lines) < 4 {
		return checkpoint{}, errors.New("checkpoint text needs origin, size and root lines")
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || size < 0 || lines[1] != strconv.FormatInt(size, 10) {
		return checkpoint{}, fmt.Errorf("checkpoint size %q", lines[1])
	}
	root, err := tlog.ParseHash(lines[2])
	if err != nil {
		return checkpoint{}, fmt.Errorf("checkpoint root %q", lines[2])
	}
	return checkpoint{origin: lines[0], tree: tlog.Tree{N: size, Hash: root}, sigs: names}, nil
}

func readBundle(path string) ([][]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var entries [][]byte
	for len(data) > 0 {
		if len(data) < 2 {
			return nil, errors.New("bundle ends inside a length")
		}
		n := int(binary.BigEndian.Uint16(data))
		if len(data) < 2+n {
			return nil, errors.New("bundle entry runs past the end")
		}
		entries = append(entries, data[2:2+n])
		data = data[2+n:]
	}
	return entries, nil
}

func run() (map[string]any, error) {
	dir := flag.String("dir", "", "directory written by `evere tiles export`")
	logKey := flag.String("log-key", "", "the log's verifier key")
	old := flag.String("old", "", "an older checkpoint file of the same log, to prove consistency with")
	minWitnesses := flag.Int("min-witnesses", 0, "cosignatures required")
	var witnessKeys listFlag
	flag.Var(&witnessKeys, "witness", "a witness's cosignature/v1 verifier key (repeatable)")
	flag.Parse()

	logVerifier, err := note.NewVerifier(*logKey)
	if err != nil {
		return nil, fmt.Errorf("log key: %w", err)
	}
	verifiers := []note.Verifier{logVerifier}
	for _, k := range witnessKeys {
		v, err := newCosignatureVerifier(k)
		if err != nil {
			return nil, err
		}
		verifiers = append(verifiers, v)
	}
	known := note.VerifierList(verifiers...)
	cp, err := openCheckpoint(filepath.Join(*dir, "checkpoint"), known, logVerifier.Name())
	if err != nil {
		return nil, err
	}
	if len(cp.sigs) < *minWitnesses {
		return nil, fmt.Errorf("checkpoint cosigned by %d witnesses %v, %d required", len(cp.sigs), cp.sigs, *minWitnesses)
	}

	hashes := tlog.TileHashReader(cp.tree, dirTiles{*dir})
	root, err := tlog.TreeHash(cp.tree.N, hashes)
	if err != nil {
		return nil, fmt.Errorf("tree hash from tiles: %w", err)
	}
	if root != cp.tree.Hash {
		return nil, errors.New("the tiles' tree hash differs from the checkpoint")
	}

	included := 0
	for start := int64(0); start < cp.tree.N; start += 256 {
		width := cp.tree.N - start
		tile := tlog.Tile{H: tileHeight, L: 0, N: start / 256, W: 256}
		if width < 256 {
			tile.W = int(width)
		}
		path := "tile/entries/" + strings.TrimPrefix(tile.Path(), fmt.Sprintf("tile/%d/0/", tileHeight))
		entries, err := readBundle(filepath.Join(*dir, filepath.FromSlash(path)))
		if errors.Is(err, os.ErrNotExist) {
			continue // a bundle that was not published (not every entry in it is public)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if len(entries) != tile.W {
			return nil, fmt.Errorf("%s has %d entries, want %d", path, len(entries), tile.W)
		}
		for i, e := range entries {
			index := start + int64(i)
			proof, err := tlog.ProveRecord(cp.tree.N, index, hashes)
			if err != nil {
				return nil, fmt.Errorf("prove entry %d: %w", index, err)
			}
			if err := tlog.CheckRecord(proof, cp.tree.N, cp.tree.Hash, index, tlog.RecordHash(e)); err != nil {
				return nil, fmt.Errorf("entry %d: %w", index, err)
			}
			included++
		}
	}

	summary := map[string]any{"origin": cp.origin, "size": cp.tree.N, "root": cp.tree.Hash.String(), "witnesses": cp.sigs, "entriesProved": included}
	if *old != "" {
		older, err := openCheckpoint(*old, known, logVerifier.Name())
		if err != nil {
			return nil, err
		}
		if older.origin != cp.origin {
			return nil, errors.New("the older checkpoint is of another log")
		}
		proof, err := tlog.ProveTree(cp.tree.N, older.tree.N, hashes)
		if err != nil {
			return nil, fmt.Errorf("prove consistency: %w", err)
		}
		if err := tlog.CheckTree(proof, cp.tree.N, cp.tree.Hash, older.tree.N, older.tree.Hash); err != nil {
			return nil, fmt.Errorf("consistency with size %d: %w", older.tree.N, err)
		}
		summary["consistentWith"] = older.tree.N
	}
	return summary, nil
}

func main() {
	summary, err := run()
	if err != nil {
		fmt.Fprintln(os.Stderr, "interop:", err)
		os.Exit(1)
	}
	out, _ := json.Marshal(summary)
	fmt.Println(string(out))
}
