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

    /// <summary>
    /// Adds ordered pairs of words 2 to this many positions apart ("card … arrived"), 0 for none; adjacent
    /// words are already bigrams. Off: pairs up to 3 apart gave 0.9079 in cross-validation against 0.9082.
    /// </summary>
    public int WordPairDistance { get; init; }

    /// <summary>
    /// Word features are taken on lightly stemmed words (<see cref="LightStemmer"/>); character n-grams on
    /// the words as written. Off: 0.9078 in cross-validation against 0.9082 (character n-grams already
    /// match inflected forms).
    /// </summary>
    public bool StemWords { get; init; }

    /// <summary>Shortest character n-gram, spaces around each word included (0 with <see cref="CharNGramMax"/> 0: none).</summary>
    public int CharNGramMin { get; init; } = 2;

    public int CharNGramMax { get; init; } = 5;

    /// <summary>Takes character n-grams over the words joined by spaces, so that they span word boundaries.</summary>
    public bool CharAcrossWords { get; init; }

    /// <summary>Relative weight of the word block against the character block (both L2-normalised).</summary>
    public double WordWeight { get; init; } = 1.0;

    public double CharWeight { get; init; } = 1.0;

    /// <summary>
    /// Further views of the text, each with its own features and linear scorer trained apart (SVM plus the
    /// same share of softmax regression as the main view), their scores added to those of the main view
    /// (the one described by the properties above, weight 1). Scores being linear in the features, the
    /// ensemble is still one weight matrix, over the features of every view side by side. None by default:
    /// character 1–6-grams across words added 0.9079 in cross-validation against 0.9082, for training five
    /// times as long; word 1–3-grams, 0.9005.
    /// </summary>
    public IReadOnlyList<CauseFeatureView> ExtraViews { get; init; } = [];

    /// <summary>
    /// One binary SVM per cause against the rest, or one Crammer–Singer multiclass SVM over all causes
    /// (<see cref="Loss"/> and NB scaling then do not apply). One-vs-rest by default: Crammer–Singer gave
    /// 0.9081 (C=2), 0.9103 (C=1) and 0.9061 (C=0.5) in cross-validation against 0.9082, a spread within
    /// the noise; both added, 0.9077.
    /// </summary>
    public MulticlassMethod Multiclass { get; init; } = MulticlassMethod.OneVsRest;

    /// <summary>Cost C of the Crammer–Singer SVM when it is added to the one-vs-rest SVMs (<see cref="MulticlassMethod.Both"/>).</summary>
    public double CrammerSingerCost { get; init; } = 1.0;

    /// <summary>
    /// Loss of the one-vs-rest SVMs: squared hinge (L2-loss, liblinear's default) or hinge (L1-loss; 0.9060
    /// in cross-validation against 0.9082).
    /// </summary>
    public SvmLoss Loss { get; init; } = SvmLoss.SquaredHinge;

    /// <summary>
    /// Rank of an LSA block added to the main view's features (<see cref="LatentProjection"/>): the
    /// projection of each text's TF-IDF vector onto this many top right singular vectors of the training
    /// matrix; 0 for none. Off: ranks 200 and 400, weights 0.25 to 1, per text or mean norm, with or
    /// without unlabelled texts, gave 0.9049 to 0.9080 in cross-validation against 0.9082.
    /// </summary>
    public int LatentRank { get; init; }

    /// <summary>Norm (per text) or mean norm of the LSA block, against 1 for the sparse vector.</summary>
    public double LatentWeight { get; init; } = 1.0;

    public LatentNormalisation LatentNormalisation { get; init; } = LatentNormalisation.PerText;

    /// <summary>
    /// Unlabelled texts added to the training texts for the SVD of the LSA block only (their n-grams are
    /// looked up in the training vocabulary; they train no scorer).
    /// </summary>
    public IReadOnlyList<string> LatentExtraTexts { get; init; } = [];

    /// <summary>
    /// Number of nearest training texts whose similarity-weighted vote is added to the linear scores
    /// (<see cref="NeighbourScorer"/>); 0 for none. Off: 10 neighbours gave 0.9078 (weight 0.5) and 0.9082
    /// (weight 0.2) in cross-validation against 0.9082.
    /// </summary>
    public int NeighbourCount { get; init; }

    /// <summary>Weight of the nearest-neighbour vote (shares of the total similarity, summing to 1).</summary>
    public double NeighbourWeight { get; init; } = 0.5;

    /// <summary>
    /// Hidden units of a one-hidden-layer network over the main view (<see cref="HiddenLayerNetwork"/>)
    /// whose logits, times <see cref="HiddenWeight"/>, are added to the linear scores; 0 for none. Off:
    /// 512 units with the settings below gave 0.9122, 0.9100 and 0.9109 in cross-validation with three
    /// seeds of the network, against 0.9082 (a mean gain under the 0.003 required), for a model that
    /// would no longer be a weight matrix.
    /// </summary>
    public int HiddenUnits { get; init; }

    public double HiddenWeight { get; init; } = 0.05;

    public int HiddenEpochs { get; init; } = 20;

    /// <summary>Initial SGD step of the network, decaying linearly to 0.</summary>
    public double HiddenRate { get; init; } = 0.5;

    /// <summary>
    /// Seed of the network's initial weights and example order, apart from <see cref="Seed"/> so that the
    /// network's own variance can be measured on the same folds.
    /// </summary>
    public int HiddenSeed { get; init; } = 2026;

    /// <summary>Standard deviation of the network's initial input weights (Gaussian).</summary>
    public double HiddenInitialScale { get; init; } = 0.3;

    /// <summary>L2 decay of the network's output weights.</summary>
    public double HiddenL2 { get; init; } = 1e-5;

    /// <summary>
    /// Hidden units of the network over each text's pre-trained static vector (<see cref="EmbeddingScorer"/>,
    /// <see cref="PretrainedTokenVectors"/>), whose logits, times <see cref="EmbeddingWeight"/>, are added to
    /// the linear scores; 0 for none (the n-gram model alone). On: 256 units, 20 epochs, weight 0.2 gave
    /// 0.9186 in cross-validation against 0.9082 without, every fold gaining; 512 units or other weights
    /// (0.1–0.3) gave 0.9167–0.9184 for up to twice the training time.
    /// </summary>
    public int EmbeddingUnits { get; init; } = 256;

    public double EmbeddingWeight { get; init; } = 0.2;

    public int EmbeddingEpochs { get; init; } = 20;

    /// <summary>Initial SGD step of the embedding network, decaying linearly to 0.</summary>
    public double EmbeddingRate { get; init; } = 0.1;

    /// <summary>Standard deviation of its initial input weights: √(2/384), He's scale for the 384 inputs.</summary>
    public double EmbeddingInitialScale { get; init; } = 0.072;

    /// <summary>L2 decay of its output weights.</summary>
    public double EmbeddingL2 { get; init; } = 1e-6;

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

/// <summary>The loss of the linear SVM.</summary>
public enum SvmLoss
{
    /// <summary>max(0, 1 − y·w·x)², liblinear's default (L2-loss).</summary>
    SquaredHinge,

    /// <summary>max(0, 1 − y·w·x) (L1-loss).</summary>
    Hinge,
}

/// <summary>How the SVM separates the causes.</summary>
public enum MulticlassMethod
{
    /// <summary>One binary SVM per cause against all the others.</summary>
    OneVsRest,

    /// <summary>One joint multiclass SVM (Crammer and Singer 2001).</summary>
    CrammerSinger,

    /// <summary>The scores of both added up, the Crammer–Singer SVM with <see cref="CauseModelOptions.CrammerSingerCost"/>.</summary>
    Both,
}
