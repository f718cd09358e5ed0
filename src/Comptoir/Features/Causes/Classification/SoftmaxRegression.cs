namespace Comptoir.Features.Causes.Classification;

/// <summary>
/// Multinomial logistic regression (softmax regression) with L2 regularisation, trained by stochastic
/// gradient descent over shuffled epochs with a decaying step (Bottou's schedule). The L2 decay is applied
/// through a global scale factor so that each step only touches the example's non-zero features.
/// </summary>
internal static class SoftmaxRegression
{
    private const double InitialRate = 1.0;

    /// <summary>
    /// Fits weights <c>[feature * labelCount + label]</c> and biases for <paramref name="truth"/> and writes
    /// them to <paramref name="weights"/> and <paramref name="bias"/>.
    /// </summary>
    public static void Train(
        SparseMatrix x, int[] truth, int labelCount, double lambda, int epochs, int seed, float[] weights, float[] bias, CancellationToken cancellationToken)
    {
        var features = x.Columns;
        var v = new double[features * labelCount];
        var b = new double[labelCount];
        var scores = new double[labelCount];
        var order = Enumerable.Range(0, x.Rows).ToArray();
        var random = new Random(seed);
        var scale = 1.0;
        var step = 0L;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            random.Shuffle(order);
            foreach (var i in order)
            {
                var rate = InitialRate / (1 + (InitialRate * lambda * step++));
                var indices = x.Indices(i);
                var values = x.Values(i);
                b.CopyTo(scores, 0);
                for (var k = 0; k < indices.Length; k++)
                {
                    var row = indices[k] * labelCount;
                    var value = values[k] * scale;
                    for (var c = 0; c < labelCount; c++)
                    {
                        scores[c] += v[row + c] * value;
                    }
                }

                var max = scores.Max();
                var sum = 0.0;
                for (var c = 0; c < labelCount; c++)
                {
                    scores[c] = Math.Exp(scores[c] - max);
                    sum += scores[c];
                }

                for (var c = 0; c < labelCount; c++)
                {
                    // Gradient of the log loss with respect to score c.
                    scores[c] = (scores[c] / sum) - (c == truth[i] ? 1 : 0);
                    b[c] -= rate * scores[c];
                }

                scale *= 1 - (rate * lambda);
                if (scale < 1e-9)
                {
                    for (var j = 0; j < v.Length; j++)
                    {
                        v[j] *= scale;
                    }

                    scale = 1.0;
                }

                var factor = rate / scale;
                for (var k = 0; k < indices.Length; k++)
                {
                    var row = indices[k] * labelCount;
                    var value = values[k] * factor;
                    for (var c = 0; c < labelCount; c++)
                    {
                        v[row + c] -= scores[c] * value;
                    }
                }
            }
        }

        for (var j = 0; j < v.Length; j++)
        {
            weights[j] = (float)(v[j] * scale);
        }

        for (var c = 0; c < labelCount; c++)
        {
            bias[c] = (float)b[c];
        }
    }
}
