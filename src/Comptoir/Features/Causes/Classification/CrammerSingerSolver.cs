namespace Comptoir.Features.Causes.Classification;

/// <summary>
/// Crammer–Singer multiclass linear SVM trained by sequential dual coordinate descent with shrinking:
/// liblinear's solver 4 (Keerthi et al., KDD 2008). One problem over every cause at once, rather than one
/// cause against the rest: each example's dual variables move together, solving a small sub-problem in
/// closed form. The bias of each cause is the weight of an extra constant feature, regularised like the
/// others, as liblinear does with <c>-B 1</c>.
/// </summary>
internal static class CrammerSingerSolver
{
    private const double Bias = 1.0;

    /// <summary>
    /// Fits weights <c>[feature * labelCount + label]</c> (the bias row last, at feature index
    /// <c>x.Columns</c>) into <paramref name="weights"/>, of length <c>(x.Columns + 1) * labelCount</c>.
    /// Returns the number of passes over the data.
    /// </summary>
    public static int Train(
        SparseMatrix x, double[] squaredNorms, int[] truth, int labelCount, double cost, double tolerance, int maxIterations, int seed,
        double[] weights, CancellationToken cancellationToken)
    {
        var n = x.Rows;
        var k = labelCount;
        var biasRow = x.Columns * k;
        Array.Clear(weights);
        var alpha = new double[n * k];
        var alphaIndex = new int[n * k];
        var activeLabels = new int[n];
        var truthPosition = new int[n];
        var index = new int[n];
        var qd = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var m = 0; m < k; m++)
            {
                alphaIndex[(i * k) + m] = m;
            }

            qd[i] = squaredNorms[i] + (Bias * Bias);
            activeLabels[i] = k;
            truthPosition[i] = truth[i];
            index[i] = i;
        }

        var gradient = new double[k];
        var b = new double[k];
        var newAlpha = new double[k];
        var sorted = new double[k];
        var changed = new int[k];
        var change = new double[k];
        var random = new Random(seed);
        var activeSize = n;
        var shrinkTolerance = Math.Max(10 * tolerance, 1.0);
        var startFromAll = true;
        var iteration = 0;
        while (iteration < maxIterations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stopping = double.NegativeInfinity;
            for (var s = 0; s < activeSize; s++)
            {
                var j = s + random.Next(activeSize - s);
                (index[s], index[j]) = (index[j], index[s]);
            }

            for (var s = 0; s < activeSize; s++)
            {
                var i = index[s];
                var a = qd[i];
                var alphas = alpha.AsSpan(i * k, k);
                var labels = alphaIndex.AsSpan(i * k, k);
                var active = activeLabels[i];
                var yPosition = truthPosition[i];
                var indices = x.Indices(i);
                var values = x.Values(i);

                for (var m = 0; m < active; m++)
                {
                    gradient[m] = m == yPosition ? 0 : 1;
                }

                for (var f = 0; f < indices.Length; f++)
                {
                    var row = indices[f] * k;
                    var value = values[f];
                    for (var m = 0; m < active; m++)
                    {
                        gradient[m] += weights[row + labels[m]] * value;
                    }
                }

                for (var m = 0; m < active; m++)
                {
                    gradient[m] += weights[biasRow + labels[m]] * Bias;
                }

                var minG = double.PositiveInfinity;
                var maxG = double.NegativeInfinity;
                for (var m = 0; m < active; m++)
                {
                    if (alphas[labels[m]] < 0 && gradient[m] < minG)
                    {
                        minG = gradient[m];
                    }

                    maxG = Math.Max(maxG, gradient[m]);
                }

                if (yPosition < active && alphas[truth[i]] < cost && gradient[yPosition] < minG)
                {
                    minG = gradient[yPosition];
                }

                // Shrinking: labels whose variable sits at its bound with a gradient below every free one.
                for (var m = 0; m < active; m++)
                {
                    if (!Shrinkable(m, yPosition, alphas[labels[m]], gradient[m], cost, minG))
                    {
                        continue;
                    }

                    active--;
                    while (active > m)
                    {
                        if (!Shrinkable(active, yPosition, alphas[labels[active]], gradient[active], cost, minG))
                        {
                            (labels[m], labels[active]) = (labels[active], labels[m]);
                            (gradient[m], gradient[active]) = (gradient[active], gradient[m]);
                            yPosition = yPosition == active ? m : yPosition == m ? active : yPosition;
                            break;
                        }

                        active--;
                    }
                }

                activeLabels[i] = active;
                truthPosition[i] = yPosition;
                if (active <= 1)
                {
                    activeSize--;
                    (index[s], index[activeSize]) = (index[activeSize], index[s]);
                    s--;
                    continue;
                }

                if (maxG - minG <= 1e-12)
                {
                    continue;
                }

                stopping = Math.Max(stopping, maxG - minG);
                for (var m = 0; m < active; m++)
                {
                    b[m] = gradient[m] - (a * alphas[labels[m]]);
                }

                SolveSubProblem(a, yPosition, cost, active, b, newAlpha, sorted);
                var changes = 0;
                for (var m = 0; m < active; m++)
                {
                    var d = newAlpha[m] - alphas[labels[m]];
                    alphas[labels[m]] = newAlpha[m];
                    if (Math.Abs(d) >= 1e-12)
                    {
                        changed[changes] = labels[m];
                        change[changes++] = d;
                    }
                }

                for (var f = 0; f < indices.Length; f++)
                {
                    var row = indices[f] * k;
                    var value = values[f];
                    for (var c = 0; c < changes; c++)
                    {
                        weights[row + changed[c]] += change[c] * value;
                    }
                }

                for (var c = 0; c < changes; c++)
                {
                    weights[biasRow + changed[c]] += change[c] * Bias;
                }
            }

            iteration++;
            if (stopping < shrinkTolerance)
            {
                if (stopping < tolerance && startFromAll)
                {
                    break;
                }

                activeSize = n;
                Array.Fill(activeLabels, k);
                shrinkTolerance = Math.Max(shrinkTolerance / 2, tolerance);
                startFromAll = true;
            }
            else
            {
                startFromAll = false;
            }
        }

        return iteration;
    }

    private static bool Shrinkable(int position, int truthPosition, double alpha, double gradient, double cost, double minG) =>
        alpha == (position == truthPosition ? cost : 0) && gradient < minG;

    /// <summary>
    /// The closed-form solution of one example's sub-problem over its <paramref name="active"/> labels:
    /// minimise ½A‖α‖² + B·α subject to Σα = 0, α_y ≤ C and α_m ≤ 0 elsewhere.
    /// </summary>
    internal static void SolveSubProblem(double a, int truthPosition, double cost, int active, double[] b, double[] result, double[] scratch)
    {
        var d = scratch.AsSpan(0, active);
        b.AsSpan(0, active).CopyTo(d);
        if (truthPosition < active)
        {
            d[truthPosition] += a * cost;
        }

        d.Sort();
        d.Reverse();
        var beta = d[0] - (a * cost);
        var r = 1;
        for (; r < active && beta < r * d[r]; r++)
        {
            beta += d[r];
        }

        beta /= r;
        for (var m = 0; m < active; m++)
        {
            result[m] = Math.Min(m == truthPosition ? cost : 0, (beta - b[m]) / a);
        }
    }
}
