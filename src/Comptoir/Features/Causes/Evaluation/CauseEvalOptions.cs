using System.Globalization;
using Comptoir.Features.Causes.Classification;
using Comptoir.Platform.Commands;

namespace Comptoir.Features.Causes.Evaluation;

/// <summary>The training options of <c>causes eval</c>: read from its arguments over the defaults, and described in its report.</summary>
internal static class CauseEvalOptions
{
    public static CauseModelOptions Parse(CommandArguments arguments)
    {
        var options = new CauseModelOptions();
        if (arguments.Get("cost") is { } cost)
        {
            options = options with { Cost = PositiveNumber("cost", cost) };
        }

        if (arguments.Get("word-weight") is { } wordWeight)
        {
            options = options with { WordWeight = PositiveNumber("word-weight", wordWeight) };
        }

        if (arguments.Get("char-ngrams") is { } chars)
        {
            var parts = chars.Split('-');
            options = chars == "none"
                ? options with { CharNGramMin = 0, CharNGramMax = 0, CharWeight = 0 }
                : parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var min) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var max) && min is >= 1 and <= 8 && max >= min && max <= 8
                    ? options with { CharNGramMin = min, CharNGramMax = max }
                    : throw new CommandException($"--char-ngrams must be written MIN-MAX, such as 2-5, or none; not '{chars}'.");
        }

        if (arguments.Get("word-bigrams") is { } bigrams)
        {
            options = options with { WordBigrams = Flag("word-bigrams", bigrams) };
        }

        if (arguments.Get("char-across-words") is { } across)
        {
            options = options with { CharAcrossWords = Flag("char-across-words", across) };
        }

        if (arguments.Get("balance") is { } balance)
        {
            options = options with { BalanceClasses = Flag("balance", balance) };
        }

        if (arguments.Get("nb") is { } nb)
        {
            options = options with { NaiveBayesScaling = Flag("nb", nb) };
        }

        if (arguments.Get("nb-beta") is { } beta)
        {
            options = options with { NaiveBayesInterpolation = PositiveNumber("nb-beta", beta) };
        }

        if (arguments.Get("nb-alpha") is { } alpha)
        {
            options = options with { NaiveBayesSmoothing = PositiveNumber("nb-alpha", alpha) };
        }

        if (arguments.Get("logistic") is { } logistic)
        {
            options = options with { LogisticWeight = logistic == "0" ? 0 : PositiveNumber("logistic", logistic) };
        }

        if (arguments.Get("logistic-l2") is { } l2)
        {
            options = options with { LogisticL2 = PositiveNumber("logistic-l2", l2) };
        }

        options = options with { WordPairDistance = arguments.GetInt("word-pairs", options.WordPairDistance) };
        if (arguments.Get("stem") is { } stem)
        {
            options = options with { StemWords = Flag("stem", stem) };
        }

        if (arguments.Get("views") is { } views)
        {
            try
            {
                options = options with { ExtraViews = views == "none" ? [] : [.. views.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(CauseFeatureView.Parse)] };
            }
            catch (FormatException e)
            {
                throw new CommandException($"--views: {e.Message}");
            }
        }

        if (arguments.Get("multiclass") is { } multiclass)
        {
            options = options with
            {
                Multiclass = multiclass switch
                {
                    "ovr" => MulticlassMethod.OneVsRest,
                    "cs" => MulticlassMethod.CrammerSinger,
                    "ovr+cs" => MulticlassMethod.Both,
                    _ => throw new CommandException($"--multiclass must be ovr, cs or ovr+cs, not '{multiclass}'."),
                },
            };
        }

        if (arguments.Get("cs-cost") is { } csCost)
        {
            options = options with { CrammerSingerCost = PositiveNumber("cs-cost", csCost) };
        }

        if (arguments.Get("loss") is { } loss)
        {
            options = options with
            {
                Loss = loss switch
                {
                    "squared-hinge" => SvmLoss.SquaredHinge,
                    "hinge" => SvmLoss.Hinge,
                    _ => throw new CommandException($"--loss must be squared-hinge or hinge, not '{loss}'."),
                },
            };
        }

        options = options with { LogisticEpochs = arguments.GetInt("logistic-epochs", options.LogisticEpochs) };
        options = ParseLatent(arguments, options);
        var neighbours = arguments.GetInt("knn", options.NeighbourCount);
        options = neighbours is >= 0 and <= 1000 ? options with { NeighbourCount = neighbours } : throw new CommandException("--knn must be between 0 and 1000.");
        if (arguments.Get("knn-weight") is { } knnWeight)
        {
            options = options with { NeighbourWeight = PositiveNumber("knn-weight", knnWeight) };
        }

        options = ParseHidden(arguments, options);
        options = ParseEmbedding(arguments, options);

        if (arguments.Get("calibration") is { } calibration)
        {
            options = options with { CalibrationFraction = double.TryParse(calibration, NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction) && fraction is >= 0 and < 1 ? fraction : throw new CommandException($"--calibration must be a fraction in [0, 1), not '{calibration}'.") };
        }

        var minDf = arguments.GetInt("min-df", options.MinDocumentFrequency);
        return minDf >= 1 ? options with { MinDocumentFrequency = minDf } : throw new CommandException("--min-df must be at least 1.");
    }

    /// <summary><c>--lsa K</c>, <c>--lsa-weight W</c>, <c>--lsa-norm text|mean</c>, <c>--lsa-texts FILE</c> (the text column of a CSV file, labels ignored).</summary>
    private static CauseModelOptions ParseLatent(CommandArguments arguments, CauseModelOptions options)
    {
        var rank = arguments.GetInt("lsa", options.LatentRank);
        options = rank >= 0 ? options with { LatentRank = rank } : throw new CommandException("--lsa must be 0 or more.");
        if (arguments.Get("lsa-weight") is { } weight)
        {
            options = options with { LatentWeight = PositiveNumber("lsa-weight", weight) };
        }

        if (arguments.Get("lsa-norm") is { } norm)
        {
            options = options with
            {
                LatentNormalisation = norm switch
                {
                    "text" => LatentNormalisation.PerText,
                    "mean" => LatentNormalisation.Mean,
                    _ => throw new CommandException($"--lsa-norm must be text or mean, not '{norm}'."),
                },
            };
        }

        if (arguments.Get("lsa-texts") is { } path)
        {
            try
            {
                options = options with { LatentExtraTexts = [.. LabelledTextFile.Read(path).Select(r => r.Example.Text)] };
            }
            catch (CsvFormatException e)
            {
                throw new CommandException(e.Message);
            }
        }

        return options;
    }

    /// <summary><c>--mlp UNITS</c>, <c>--mlp-weight W</c>, <c>--mlp-epochs N</c>, <c>--mlp-rate R</c>, <c>--mlp-init σ</c>, <c>--mlp-l2 L</c>, <c>--mlp-seed S</c>.</summary>
    private static CauseModelOptions ParseHidden(CommandArguments arguments, CauseModelOptions options)
    {
        var network = ParseNetwork(arguments, "mlp", new(options.HiddenUnits, options.HiddenWeight, options.HiddenEpochs, options.HiddenRate, options.HiddenInitialScale, options.HiddenL2));
        return options with
        {
            HiddenUnits = network.Units,
            HiddenWeight = network.Weight,
            HiddenEpochs = network.Epochs,
            HiddenRate = network.Rate,
            HiddenInitialScale = network.InitialScale,
            HiddenL2 = network.L2,
            HiddenSeed = arguments.GetInt("mlp-seed", options.HiddenSeed),
        };
    }

    /// <summary><c>--embedding UNITS</c> (0: none), <c>--embedding-weight W</c>, <c>--embedding-epochs N</c>, <c>--embedding-rate R</c>, <c>--embedding-init σ</c>, <c>--embedding-l2 L</c>.</summary>
    private static CauseModelOptions ParseEmbedding(CommandArguments arguments, CauseModelOptions options)
    {
        var network = ParseNetwork(arguments, "embedding", new(options.EmbeddingUnits, options.EmbeddingWeight, options.EmbeddingEpochs, options.EmbeddingRate, options.EmbeddingInitialScale, options.EmbeddingL2));
        return options with
        {
            EmbeddingUnits = network.Units,
            EmbeddingWeight = network.Weight,
            EmbeddingEpochs = network.Epochs,
            EmbeddingRate = network.Rate,
            EmbeddingInitialScale = network.InitialScale,
            EmbeddingL2 = network.L2,
        };
    }

    /// <summary>The settings of a one-hidden-layer network: <c>--PREFIX UNITS</c> and <c>--PREFIX-weight</c>, <c>-epochs</c>, <c>-rate</c>, <c>-init</c>, <c>-l2</c>.</summary>
    private static NetworkSettings ParseNetwork(CommandArguments arguments, string prefix, NetworkSettings defaults)
    {
        var units = arguments.GetInt(prefix, defaults.Units);
        var epochs = arguments.GetInt($"{prefix}-epochs", defaults.Epochs);
        return new NetworkSettings(
            units is >= 0 and <= 4096 ? units : throw new CommandException($"--{prefix} must be between 0 and 4096."),
            arguments.Get($"{prefix}-weight") is { } weight ? PositiveNumber($"{prefix}-weight", weight) : defaults.Weight,
            epochs >= 1 ? epochs : throw new CommandException($"--{prefix}-epochs must be at least 1."),
            arguments.Get($"{prefix}-rate") is { } rate ? PositiveNumber($"{prefix}-rate", rate) : defaults.Rate,
            arguments.Get($"{prefix}-init") is { } init ? PositiveNumber($"{prefix}-init", init) : defaults.InitialScale,
            arguments.Get($"{prefix}-l2") is { } l2 ? PositiveNumber($"{prefix}-l2", l2) : defaults.L2);
    }

    private static double PositiveNumber(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new CommandException($"--{name} must be a positive number, not '{value}'.");

    private static bool Flag(string name, string value) =>
        bool.TryParse(value, out var flag) ? flag : throw new CommandException($"--{name} must be true or false, not '{value}'.");

    public static string Describe(CauseModelOptions o) =>
        string.Create(CultureInfo.InvariantCulture,
            $"C={o.Cost}, words 1-{(o.WordBigrams ? 2 : 1)}{(o.WordPairDistance > 0 ? $" + pairs up to {o.WordPairDistance} apart" : "")}{(o.StemWords ? ", stemmed" : "")} (weight {o.WordWeight}), chars {(o.CharNGramMax > 0 ? $"{o.CharNGramMin}-{o.CharNGramMax}" : "none")} (weight {o.CharWeight}{(o.CharAcrossWords ? ", across words" : "")}), min df {o.MinDocumentFrequency}, balanced {o.BalanceClasses}{(o.NaiveBayesScaling ? $", NB scaling (α {o.NaiveBayesSmoothing}, β {o.NaiveBayesInterpolation})" : "")}{(o.LogisticWeight > 0 ? $", + {o.LogisticWeight} × logistic regression (λ {o.LogisticL2}, {o.LogisticEpochs} epochs)" : "")}{(o.Loss == SvmLoss.Hinge ? ", hinge loss" : "")}{o.Multiclass switch { MulticlassMethod.CrammerSinger => ", Crammer-Singer", MulticlassMethod.Both => $", + Crammer-Singer (C={o.CrammerSingerCost})", _ => "" }}{string.Concat(o.ExtraViews.Select(v => $"; view words 1-{v.WordNGramMax}, chars {v.CharNGramMin}-{v.CharNGramMax}{(v.CharAcrossWords ? " across words" : "")} × {v.Weight}"))}{(o.LatentRank > 0 ? $", + LSA block of {o.LatentRank} (weight {o.LatentWeight}, {(o.LatentNormalisation == LatentNormalisation.PerText ? "per text" : "mean norm")}{(o.LatentExtraTexts.Count > 0 ? $", SVD also on {o.LatentExtraTexts.Count:N0} unlabelled texts" : "")})" : "")}{(o.NeighbourCount > 0 ? $", + {o.NeighbourWeight} × vote of {o.NeighbourCount} nearest neighbours" : "")}{(o.HiddenUnits > 0 ? $", + {o.HiddenWeight} × network of {o.HiddenUnits} hidden units ({o.HiddenEpochs} epochs, rate {o.HiddenRate}, init σ {o.HiddenInitialScale}, λ {o.HiddenL2}, seed {o.HiddenSeed})" : "")}{(o.EmbeddingUnits > 0 ? $", + {o.EmbeddingWeight} × network of {o.EmbeddingUnits} hidden units over pre-trained static vectors ({o.EmbeddingEpochs} epochs, rate {o.EmbeddingRate}, init σ {o.EmbeddingInitialScale}, λ {o.EmbeddingL2})" : "")}");
}

/// <summary>The settings shared by the command's one-hidden-layer networks.</summary>
internal readonly record struct NetworkSettings(int Units, double Weight, int Epochs, double Rate, double InitialScale, double L2);
