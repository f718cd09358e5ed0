namespace Comptoir.Features.Causes.Classification;

/// <summary>
/// Turns class scores into probabilities with a softmax at temperature T, T being fitted to minimise the
/// negative log-likelihood of held-out examples (temperature scaling, Guo et al. 2017). One parameter only,
/// so it cannot over-fit the held-out set and it never changes which cause ranks first.
/// </summary>
internal static class TemperatureCalibration
{
    public const double MinTemperature = 0.01;
    public const double MaxTemperature = 10;

    /// <summary>Softmax of <paramref name="scores"/> / <paramref name="temperature"/>, written in place.</summary>
    public static void Softmax(Span<float> scores, double temperature)
    {
        var max = float.NegativeInfinity;
        foreach (var s in scores)
        {
            max = Math.Max(max, s);
        }

        var sum = 0.0;
        var inverse = 1.0 / temperature;
        for (var i = 0; i < scores.Length; i++)
        {
            var e = Math.Exp((scores[i] - max) * inverse);
            scores[i] = (float)e;
            sum += e;
        }

        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = (float)(scores[i] / sum);
        }
    }

    /// <summary>
    /// The temperature that best explains held-out <paramref name="truth"/> given the rows of
    /// <paramref name="scores"/> (one row of class scores per example). The log-likelihood is concave in
    /// 1/T, so a golden-section search on log T finds its maximum.
    /// </summary>
    public static double Fit(float[][] scores, int[] truth)
    {
        if (scores.Length == 0)
        {
            return 1.0;
        }

        double low = Math.Log(MinTemperature), high = Math.Log(MaxTemperature);
        var ratio = (Math.Sqrt(5) - 1) / 2;
        var a = high - (ratio * (high - low));
        var b = low + (ratio * (high - low));
        var fa = NegativeLogLikelihood(scores, truth, Math.Exp(a));
        var fb = NegativeLogLikelihood(scores, truth, Math.Exp(b));
        for (var i = 0; i < 60; i++)
        {
            if (fa < fb)
            {
                high = b;
                b = a;
                fb = fa;
                a = high - (ratio * (high - low));
                fa = NegativeLogLikelihood(scores, truth, Math.Exp(a));
            }
            else
            {
                low = a;
                a = b;
                fa = fb;
                b = low + (ratio * (high - low));
                fb = NegativeLogLikelihood(scores, truth, Math.Exp(b));
            }
        }

        return Math.Exp((low + high) / 2);
    }

    public static double NegativeLogLikelihood(float[][] scores, int[] truth, double temperature)
    {
        var total = 0.0;
        for (var i = 0; i < scores.Length; i++)
        {
            var row = scores[i];
            var max = double.NegativeInfinity;
            foreach (var s in row)
            {
                max = Math.Max(max, s / temperature);
            }

            var sum = 0.0;
            foreach (var s in row)
            {
                sum += Math.Exp((s / temperature) - max);
            }

            total += max + Math.Log(sum) - (row[truth[i]] / temperature);
        }

        return total / scores.Length;
    }
}
