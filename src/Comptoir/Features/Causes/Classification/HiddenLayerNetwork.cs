using System.Numerics;
using System.Runtime.InteropServices;

namespace Comptoir.Features.Causes.Classification;

/// <summary>
/// A small non-linear scorer: one hidden layer of rectified linear units over the main view's sparse
/// TF-IDF vector, then a softmax over the causes, trained by stochastic gradient descent on the log loss.
/// Its scores (logits), times a weight, are added to the linear ones; the hidden layer lets it combine
/// n-grams (this word and that one, but not alone), which no linear scorer can.
/// </summary>
/// <remarks>
/// The input weights are stored by feature (<c>Input[feature * hidden + unit]</c>), so that a sparse vector
/// costs one row per non-zero feature, forward and backward. Inputs are L2-normalised, so input weights of
/// standard deviation σ give hidden pre-activations of standard deviation σ. Deterministic: one thread, seeded order.
/// </remarks>
internal sealed class HiddenLayerNetwork : IMainViewScorer
{
    [ThreadStatic]
    private static float[]? _hidden;

    private readonly float[] _input;
    private readonly float[] _hiddenBias;
    private readonly float[] _output;
    private readonly float[] _outputBias;
    private readonly int _units;
    private readonly float _weight;

    private HiddenLayerNetwork(float[] input, float[] hiddenBias, float[] output, float[] outputBias, int units, float weight)
    {
        (_input, _hiddenBias, _output, _outputBias, _units, _weight) = (input, hiddenBias, output, outputBias, units, weight);
    }

    /// <summary>Units of the hidden layer.</summary>
    public int Units => _units;

    /// <summary>The factor of its logits in the scores.</summary>
    public float Weight => _weight;

    /// <summary>Input weights by feature then unit (<c>Input[feature * units + unit]</c>).</summary>
    internal float[] Input => _input;

    internal float[] HiddenBias => _hiddenBias;

    /// <summary>Output weights by unit then label (<c>Output[unit * labels + label]</c>).</summary>
    internal float[] Output => _output;

    internal float[] OutputBias => _outputBias;

    /// <summary>A network read back from its parts (see <see cref="CauseModelFormat"/>).</summary>
    internal static HiddenLayerNetwork FromParts(float[] input, float[] hiddenBias, float[] output, float[] outputBias, float weight)
    {
        var units = hiddenBias.Length;
        if (units == 0 || input.Length % units != 0 || output.Length != units * outputBias.Length)
        {
            throw new ArgumentException("The network's weights do not match its units and labels.", nameof(input));
        }

        return new HiddenLayerNetwork(input, hiddenBias, output, outputBias, units, weight);
    }

    public static HiddenLayerNetwork Train(
        SparseMatrix x, int[] truth, int labelCount, int units, int epochs, double rate, double lambda, double initialScale, double weight, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var input = new float[x.Columns * units];
        for (var j = 0; j < input.Length; j++)
        {
            input[j] = (float)(Gaussian(random) * initialScale);
        }

        var output = new float[units * labelCount];
        var outputScale = Math.Sqrt(2.0 / units);
        for (var j = 0; j < output.Length; j++)
        {
            output[j] = (float)(Gaussian(random) * outputScale);
        }

        var network = new HiddenLayerNetwork(input, new float[units], output, new float[labelCount], units, (float)weight);
        var hidden = new float[units];
        var hiddenGradient = new float[units];
        var scores = new float[labelCount];
        var order = Enumerable.Range(0, x.Rows).ToArray();
        var steps = (double)epochs * x.Rows;
        var step = 0L;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            random.Shuffle(order);
            foreach (var i in order)
            {
                // Linearly decaying step.
                var eta = (float)(rate * (1 - (step++ / steps)));
                var indices = x.Indices(i);
                var values = x.Values(i);
                network.Forward(indices, values, hidden, scores);
                var max = scores.Max();
                var sum = 0f;
                for (var c = 0; c < labelCount; c++)
                {
                    scores[c] = MathF.Exp(scores[c] - max);
                    sum += scores[c];
                }

                for (var c = 0; c < labelCount; c++)
                {
                    scores[c] = (scores[c] / sum) - (c == truth[i] ? 1 : 0);
                    network._outputBias[c] -= eta * scores[c];
                }

                var decay = (float)(1 - (eta * lambda));
                for (var u = 0; u < units; u++)
                {
                    var row = output.AsSpan(u * labelCount, labelCount);
                    var back = 0f;
                    for (var c = 0; c < labelCount; c++)
                    {
                        back += row[c] * scores[c];
                    }

                    hiddenGradient[u] = hidden[u] > 0 ? back : 0;
                    var h = hidden[u];
                    for (var c = 0; c < labelCount; c++)
                    {
                        row[c] = (row[c] * decay) - (eta * h * scores[c]);
                    }

                    network._hiddenBias[u] -= eta * hiddenGradient[u];
                }

                for (var k = 0; k < indices.Length; k++)
                {
                    AddScaled(input.AsSpan(indices[k] * units, units), hiddenGradient, -eta * values[k]);
                }
            }
        }

        return network;
    }

    public void AddScores(Span<float> scores, ReadOnlySpan<int> ids, ReadOnlySpan<float> values)
    {
        var hidden = _hidden is { } buffer && buffer.Length == _units ? buffer : _hidden = new float[_units];
        Span<float> logits = stackalloc float[scores.Length];
        Forward(ids, values, hidden, logits);
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] += _weight * logits[c];
        }
    }

    private void Forward(ReadOnlySpan<int> ids, ReadOnlySpan<float> values, Span<float> hidden, Span<float> logits)
    {
        _hiddenBias.CopyTo(hidden);
        for (var k = 0; k < ids.Length; k++)
        {
            AddScaled(hidden, _input.AsSpan(ids[k] * _units, _units), values[k]);
        }

        _outputBias.CopyTo(logits);
        var labels = logits.Length;
        for (var u = 0; u < _units; u++)
        {
            if (hidden[u] <= 0)
            {
                hidden[u] = 0;
                continue;
            }

            AddScaled(logits, _output.AsSpan(u * labels, labels), hidden[u]);
        }
    }

    private static void AddScaled(Span<float> target, ReadOnlySpan<float> source, float factor)
    {
        var vectorised = Vector.IsHardwareAccelerated ? target.Length - (target.Length % Vector<float>.Count) : 0;
        var tv = MemoryMarshal.Cast<float, Vector<float>>(target[..vectorised]);
        var sv = MemoryMarshal.Cast<float, Vector<float>>(source[..vectorised]);
        for (var i = 0; i < tv.Length; i++)
        {
            tv[i] += sv[i] * factor;
        }

        for (var i = vectorised; i < target.Length; i++)
        {
            target[i] += source[i] * factor;
        }
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
