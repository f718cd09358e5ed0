namespace Comptoir.Features.Conversations;

/// <summary>Why a conversation was closed; the French label is the key of its translation.</summary>
public static class CloseReasons
{
    public static readonly IReadOnlyList<string> All =
    [
        "Résolu",
        "Information donnée",
        "Remboursement accordé",
        "Geste commercial",
        "Traité par le magasin",
        "Sans suite",
        "Doublon ou indésirable",
    ];
}
