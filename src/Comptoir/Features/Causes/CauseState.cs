namespace Comptoir.Features.Causes;

public enum CauseState
{
    /// <summary>No model was trained yet, or the contact carried no words (a missed call).</summary>
    None,

    /// <summary>The model is confident enough; the advisor confirms or corrects it at the close.</summary>
    Predicted,

    /// <summary>The model is unsure: the advisor is asked to pick the cause.</summary>
    ToReview,

    /// <summary>An advisor kept the predicted cause.</summary>
    Confirmed,

    /// <summary>An advisor chose the cause.</summary>
    Corrected,
}
