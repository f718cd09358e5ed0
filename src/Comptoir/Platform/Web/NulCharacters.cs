using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Comptoir.Platform.Web;

/// <summary>
/// A NUL character (U+0000) can be sent in a query string, a form or a JSON string (<c>\u0000</c>), but
/// PostgreSQL stores no text holding one, and refuses it even as a query parameter: such a request would end in
/// a 500 and nothing stored. It is refused here, before any page or endpoint reads it, with 400 and the field
/// that held it. The signed channel webhooks are left alone: they quarantine such a contact with its reason
/// (202), so that the operator does not send it again.
/// </summary>
public static class NulCharacters
{
    /// <summary>Where the refusal's field is kept for the error page, which the status-code pages run next.</summary>
    public const string FieldItem = "Comptoir.NulCharacterField";

    public static IApplicationBuilder UseNulCharacterRefusal(this IApplicationBuilder app) =>
        app.Use(static async (context, next) =>
        {
            // The error page that the status-code pages run after a refusal reads the same request again.
            if (context.Request.Path.StartsWithSegments("/api/channels") || context.Features.Get<IStatusCodeReExecuteFeature>() is not null
                || await FieldWithNulAsync(context.Request) is not { } field)
            {
                await next(context);
                return;
            }

            if (WebSetup.IsApi(context))
            {
                await Results.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "A NUL character cannot be stored",
                    detail: $"\"{field}\" contains a NUL character (U+0000), which cannot be stored; remove it and send again.").ExecuteAsync(context);
                return;
            }

            context.Items[FieldItem] = field;
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
        });

    /// <summary>The name of the first query, form or JSON field whose value holds a NUL character, if any.</summary>
    private static async Task<string?> FieldWithNulAsync(HttpRequest request)
    {
        if (request.Path.Value?.Contains('\0', StringComparison.Ordinal) == true)
        {
            return "path";
        }

        foreach (var (key, values) in request.Query)
        {
            if (key.Contains('\0', StringComparison.Ordinal) || values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
            {
                return key;
            }
        }

        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            }
            catch (InvalidDataException e) when (e.InnerException is InvalidOperationException)
            {
                // The URL decoder of an encoded form refuses a %00 before the form can be read at all.
                return "form";
            }

            foreach (var (key, values) in form)
            {
                if (key.Contains('\0', StringComparison.Ordinal) || values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
                {
                    return key;
                }
            }

            return null;
        }

        return request.HasJsonContentType() && request.ContentLength is > 0 ? await JsonFieldWithNulAsync(request) : null;
    }

    /// <summary>
    /// Reads the JSON body (kept for the endpoint) token by token: only an escaped string can hold a NUL, since
    /// JSON has no raw one. A body that is not valid JSON is left to the endpoint, which answers 400 for it.
    /// </summary>
    private static async Task<string?> JsonFieldWithNulAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        request.Body.Position = 0;

        var reader = new Utf8JsonReader(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        var property = "body";
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.PropertyName or JsonTokenType.String))
                {
                    continue;
                }

                var text = reader.ValueIsEscaped ? reader.GetString() : null;
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    property = text ?? reader.GetString() ?? property;
                }

                if (text?.Contains('\0', StringComparison.Ordinal) == true)
                {
                    return property.Replace("\0", "\\u0000", StringComparison.Ordinal);
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }
}
