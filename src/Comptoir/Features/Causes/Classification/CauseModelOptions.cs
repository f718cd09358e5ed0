namespace Comptoir.Features.Causes.Classification;

/// <summary>
/// How a cause model is trained. The defaults were chosen by 5-fold cross-validation on the BANKING77
/// training file only (see docs/benchmarks.md), never on a test file.
/// </summary>
public sealed record CauseModelOptions
{
    /// <summary>SVM cost C: higher fits the training data more closely.</summary>
    public double Cost { get; init; } = 2.0;

    /// <summary>Adds pairs of consecutive words to single words.</summary>
    public bool WordBigrams { get; init; } = true;

    /// <summary>Shortest character n-gram, spaces around each word included (0 with <see cref="CharNGramMax"/> 0: none).</summary>
    public int CharNGramMin { get; init; } = 2;

    public int CharNGramMax { get; init; } = 5;

    /// <summary>Takes character n-grams over the words joined by spaces, so that they span word boundaries.</summary>
    public bool CharAcrossWords { get; init; }

    /// <summary>Relative weight of the word block against the character block (both L2-normalised).</summary>
    public double WordWeight { get; init; } = 1.0;

    public double CharWeight { get; init; } = 1.0;

    /// <summary>A feature is kept when it occurs in at least this many training texts.</summary>
    public int MinDocumentFrequency { get; init; } = 2;

    /// <summary>Weighs the positive examples of each cause up so that rare causes count as much as frequent ones.</summary>
    public bool BalanceClasses { get; init; }

    /// <summary>
    /// NB-SVM (Wang and Manning 2012): scales each feature, for each cause, by the log-count ratio of the
    /// feature's document frequency inside and outside the cause before training that cause's SVM.
    /// </summary>
    public bool NaiveBayesScaling { get; init; }

    /// <summary>Add-α smoothing of the document counts behind the log-count ratios.</summary>
    public double NaiveBayesSmoothing { get; init; } = 1.0;

    /// <summary>
    /// β of NB-SVM: the weights used are β·w + (1 − β)·mean|w|, mixing the SVM with the plain naive Bayes
    /// direction (1 keeps the SVM alone).
    /// </summary>
    public double NaiveBayesInterpolation { get; init; } = 1.0;

    /// <summary>
    /// Weight of a multinomial logistic regression added to the SVM scores (0: SVM alone). Both are linear
    /// in the features, so the sum is one linear scorer and the model keeps its shape.
    /// </summary>
    public double LogisticWeight { get; init; } = 0.12;

    /// <summary>L2 regularisation λ of the logistic regression (per example).</summary>
    public double LogisticL2 { get; init; } = 3e-6;

    public int LogisticEpochs { get; init; } = 15;

    /// <summary>
    /// Share of the training examples held out (stratified) to fit the confidence temperature when there
    /// are at least <see cref="HoldOutMinimum"/> examples; with fewer, 5-fold cross-fitting is used instead.
    /// The final model is then trained on all examples.
    /// </summary>
    public double CalibrationFraction { get; init; } = 0.2;

    public int HoldOutMinimum { get; init; } = 2000;

    /// <summary>Stopping tolerance of the dual coordinate descent (liblinear's default 0.1).</summary>
    public double Tolerance { get; init; } = 0.1;

    public int MaxIterations { get; init; } = 1000;

    public int Seed { get; init; } = 2026;

    /// <summary>Threads used while training; -1 for all cores.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
