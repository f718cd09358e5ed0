using System.Numerics;
using System.Runtime.InteropServices;

namespace Comptoir.Features.Causes.Classification;

/// <summary>
/// A trained cause classifier: TF-IDF features from one or more views of the text (each view its own
/// featuriser and block of features), one linear scorer per cause over all the blocks, and a softmax
/// temperature that turns scores into calibrated confidences. Immutable and safe to share between threads; predicting
/// allocates only the returned results.
/// </summary>
public sealed class CauseModel
{
    private readonly string[] _labels;

    internal CauseModel(TextFeaturiser[] views, string[] labels, float[] weights, float[] bias, double temperature, IReadOnlyList<IMainViewScorer>? extras = null, EmbeddingScorer? embedding = null)
    {
        if (views.Length == 0 || weights.Length != views.Sum(v => v.FeatureCount) * labels.Length || bias.Length != labels.Length)
        {
            throw new ArgumentException("The weights do not match the features and labels.", nameof(weights));
        }

        Views = views;
        _labels = labels;
        Weights = weights;
        Bias = bias;
        Temperature = temperature;
        Extras = extras ?? [];
        Embedding = embedding;
    }

    /// <summary>The causes the model knows, in ordinal order.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>The softmax temperature fitted on held-out training examples.</summary>
    public double Temperature { get; }

    public int FeatureCount => Views.Sum(v => v.FeatureCount);

    /// <summary>The views of the text, whose features follow each other in <see cref="Weights"/>.</summary>
    internal TextFeaturiser[] Views { get; }

    /// <summary>
    /// Weights by feature then label: <c>Weights[feature * Labels.Count + label]</c>, the features of the
    /// first view first.
    /// </summary>
    internal float[] Weights { get; }

    internal float[] Bias { get; }

    /// <summary>
    /// Scorers added to the linear ones that are not weights over the features: an LSA block normalised
    /// per text (<see cref="LatentScorer"/>), a nearest-neighbour vote (<see cref="NeighbourScorer"/>).
    /// Experimental, so models with any are not stored.
    /// </summary>
    internal IReadOnlyList<IMainViewScorer> Extras { get; }

    /// <summary>The network over the text's pre-trained static vector, if the model has one (stored with it).</summary>
    internal EmbeddingScorer? Embedding { get; }

    /// <summary>The most likely cause of <paramref name="text"/> and its probability.</summary>
    public CausePrediction Predict(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var probabilities = Probabilities(text);
        var best = 0;
        for (var i = 1; i < probabilities.Length; i++)
        {
            if (probabilities[i] > probabilities[best])
            {
                best = i;
            }
        }

        return new CausePrediction(_labels[best], probabilities[best]);
    }

    /// <summary>The <paramref name="k"/> most likely causes, most likely first.</summary>
    public IReadOnlyList<CausePrediction> Top(string text, int k)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var probabilities = Probabilities(text);
        k = Math.Min(k, probabilities.Length);
        var result = new CausePrediction[k];
        var filled = 0;
        for (var c = 0; c < probabilities.Length; c++)
        {
            var p = probabilities[c];
            if (filled == k && p <= result[k - 1].Confidence)
            {
                continue;
            }

            var at = filled < k ? filled++ : k - 1;
            while (at > 0 && result[at - 1].Confidence < p)
            {
                result[at] = result[at - 1];
                at--;
            }

            result[at] = new CausePrediction(_labels[c], p);
        }

        return result;
    }

    /// <summary>The model in a compact versioned binary form; see <see cref="CauseModelFormat"/>.</summary>
    public byte[] Serialize() => CauseModelFormat.Write(this);

    public static CauseModel Deserialize(byte[] data) => CauseModelFormat.Read(data);

    /// <summary>Probabilities of every label, in the calling thread's scratch space.</summary>
    private Span<float> Probabilities(string text)
    {
        var scores = Scores(text);
        TemperatureCalibration.Softmax(scores, Temperature);
        return scores;
    }

    /// <summary>
    /// Raw scores of every label, in the calling thread's scratch space: the linear scores of the views, plus
    /// those of the extras and of the network over the pre-trained vectors, if any.
    /// </summary>
    internal Span<float> Scores(string text)
    {
        var labels = _labels.Length;
        Span<float> scores = default;
        var offset = 0;
        foreach (var view in Views)
        {
            var (scratch, count) = view.Transform(text);
            if (scores.IsEmpty)
            {
                if (scratch.Scores.Length < labels)
                {
                    scratch.Scores = new float[labels];
                }

                scores = scratch.Scores.AsSpan(0, labels);
                Bias.CopyTo(scores);
            }

            Accumulate(scores, scratch.Ids.AsSpan(0, count), scratch.Values.AsSpan(0, count), offset);
            for (var e = 0; offset == 0 && e < Extras.Count; e++)
            {
                Extras[e].AddScores(scores, scratch.Ids.AsSpan(0, count), scratch.Values.AsSpan(0, count));
            }

            offset += view.FeatureCount;
        }

        Embedding?.AddScores(scores, text);
        return scores;
    }

    /// <summary>Adds the weight rows of the features <paramref name="ids"/> (of the view starting at <paramref name="offset"/>), times their values.</summary>
    private void Accumulate(Span<float> scores, ReadOnlySpan<int> ids, ReadOnlySpan<float> values, int offset)
    {
        var labels = scores.Length;
        var vectorised = Vector.IsHardwareAccelerated ? labels - (labels % Vector<float>.Count) : 0;
        var scoreVectors = MemoryMarshal.Cast<float, Vector<float>>(scores[..vectorised]);
        for (var i = 0; i < ids.Length; i++)
        {
            var row = Weights.AsSpan((offset + ids[i]) * labels, labels);
            var value = values[i];
            var rowVectors = MemoryMarshal.Cast<float, Vector<float>>(row[..vectorised]);
            for (var v = 0; v < scoreVectors.Length; v++)
            {
                scoreVectors[v] += rowVectors[v] * value;
            }

            for (var c = vectorised; c < labels; c++)
            {
                scores[c] += row[c] * value;
            }
        }
    }
}
