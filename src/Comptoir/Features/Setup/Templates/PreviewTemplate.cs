using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Comptoir.Features.Conversations;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Setup.Templates;

/// <summary>
/// A template's text as an advisor would get it: filled for one of the conversations the reader may open, or
/// for a sample conversation (a made-up customer and number), with the reader as the advisor.
/// </summary>
public static class PreviewTemplate
{
    public const string SampleCustomer = "Camille Martin";
    public const long SampleReference = 123_456;

    public sealed class Request
    {
        [Required(ErrorMessage = "Écrivez le texte du modèle.")]
        [MaxLength(4000, ErrorMessage = "Le texte tient en 4 000 caractères au plus.")]
        public string Body { get; set; } = "";

        /// <summary>The conversation to fill the template for; empty for the sample conversation.</summary>
        public long? ConversationId { get; set; }
    }

    public sealed record Response(string Text, string? Customer, string Advisor, long Reference);

    public static async Task<Results<Ok<Response>, ValidationProblem>> HandleAsync(
        Request request, ClaimsPrincipal user, ComptoirDbContext db, IStringLocalizer<Texts> t, CancellationToken cancellationToken)
    {
        var (preview, errors) = await ExecuteAsync(db, t, user, request, cancellationToken);
        return preview is null ? TypedResults.ValidationProblem(errors, title: t["L'aperçu n'a pas pu être préparé."]) : TypedResults.Ok(preview);
    }

    public static async Task<(Response? Preview, Dictionary<string, string[]> Errors)> ExecuteAsync(
        ComptoirDbContext db, IStringLocalizer<Texts> t, ClaimsPrincipal user, Request request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (SaveTemplate.BodyError(t, request.Body) is { } bodyError)
        {
            errors[nameof(Request.Body)] = [bodyError];
        }

        string? customer = SampleCustomer;
        var reference = SampleReference;
        if (request.ConversationId is { } id)
        {
            if (await GetConversation.QueryAsync(db, StaffScope.Of(user), id, cancellationToken) is { } conversation)
            {
                (customer, reference) = (conversation.Customer?.Name, conversation.Id);
            }
            else
            {
                errors[nameof(Request.ConversationId)] = [t["Conversation {0} introuvable : laissez vide pour la conversation d'exemple.", id]];
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var advisor = user.FindFirstValue(StaffClaimsFactory.DisplayNameClaim) ?? "";
        return (new Response(AnswerTemplates.Fill(request.Body ?? "", customer, advisor, reference), customer, advisor, reference), errors);
    }
}
