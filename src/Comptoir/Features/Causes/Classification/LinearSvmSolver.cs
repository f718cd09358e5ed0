namespace Comptoir.Features.Causes.Classification;

/// <summary>
/// Binary L2-regularised linear SVM, squared-hinge (L2-loss) or hinge (L1-loss), trained by dual coordinate
/// descent with shrinking: the algorithm of liblinear's solvers 1 and 3 (Hsieh et al., ICML 2008). The
/// L2-loss dual has a diagonal term 1/(2C) and no upper bound; the L1-loss dual no diagonal term and
/// α ≤ C. The bias is learnt as the weight of
/// an extra constant feature, regularised like the others, as liblinear does with <c>-B 1</c>.
/// </summary>
internal static class LinearSvmSolver
{
    private const double Bias = 1.0;

    /// <summary>
    /// Fits weights for labels <paramref name="positive"/>[i] (true = +1) and writes them to
    /// <paramref name="weights"/> (length columns + 1, the last entry being the bias).
    /// Returns the number of passes over the data.
    /// </summary>
    public static int Train(
        SparseMatrix x, double[] squaredNorms, bool[] positive, double costPositive, double costNegative,
        double tolerance, int maxIterations, int seed, double[] weights, CancellationToken cancellationToken, SvmLoss loss = SvmLoss.SquaredHinge)
    {
        var n = x.Rows;
        var biasIndex = x.Columns;
        Array.Clear(weights);
        var alpha = new double[n];
        var diagonal = new double[n];
        var upper = new double[n];
        var qd = new double[n];
        var index = new int[n];
        for (var i = 0; i < n; i++)
        {
            var cost = positive[i] ? costPositive : costNegative;
            diagonal[i] = loss == SvmLoss.SquaredHinge ? 0.5 / cost : 0;
            upper[i] = loss == SvmLoss.SquaredHinge ? double.PositiveInfinity : cost;
            qd[i] = diagonal[i] + squaredNorms[i] + (Bias * Bias);
            index[i] = i;
        }

        var random = new Random(seed);
        var activeSize = n;
        var maxOld = double.PositiveInfinity;
        var minOld = double.NegativeInfinity;
        var iteration = 0;
        while (iteration < maxIterations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var maxNew = double.NegativeInfinity;
            var minNew = double.PositiveInfinity;
            for (var i = 0; i < activeSize; i++)
            {
                var j = i + random.Next(activeSize - i);
                (index[i], index[j]) = (index[j], index[i]);
            }

            for (var s = 0; s < activeSize; s++)
            {
                var i = index[s];
                var y = positive[i] ? 1.0 : -1.0;
                var indices = x.Indices(i);
                var values = x.Values(i);
                var dot = weights[biasIndex] * Bias;
                for (var k = 0; k < indices.Length; k++)
                {
                    dot += weights[indices[k]] * values[k];
                }

                var gradient = (y * dot) - 1 + (alpha[i] * diagonal[i]);
                var projected = gradient;
                if (alpha[i] == 0)
                {
                    if (gradient > maxOld)
                    {
                        activeSize--;
                        (index[s], index[activeSize]) = (index[activeSize], index[s]);
                        s--;
                        continue;
                    }

                    projected = Math.Min(gradient, 0);
                }
                else if (alpha[i] >= upper[i])
                {
                    if (gradient < minOld)
                    {
                        activeSize--;
                        (index[s], index[activeSize]) = (index[activeSize], index[s]);
                        s--;
                        continue;
                    }

                    projected = Math.Max(gradient, 0);
                }

                maxNew = Math.Max(maxNew, projected);
                minNew = Math.Min(minNew, projected);
                if (Math.Abs(projected) > 1e-12)
                {
                    var old = alpha[i];
                    alpha[i] = Math.Min(Math.Max(old - (gradient / qd[i]), 0), upper[i]);
                    var step = (alpha[i] - old) * y;
                    for (var k = 0; k < indices.Length; k++)
                    {
                        weights[indices[k]] += step * values[k];
                    }

                    weights[biasIndex] += step * Bias;
                }
            }

            iteration++;
            if (maxNew - minNew <= tolerance)
            {
                if (activeSize == n)
                {
                    break;
                }

                activeSize = n;
                maxOld = double.PositiveInfinity;
                minOld = double.NegativeInfinity;
                continue;
            }

            maxOld = maxNew <= 0 ? double.PositiveInfinity : maxNew;
            minOld = minNew >= 0 ? double.NegativeInfinity : minNew;
        }

        return iteration;
    }
}
