using System.Text;
using Comptoir.Features.Channels.Email;
using Comptoir.Features.Customers;

namespace Comptoir.Tests.Features.Channels.Email;

public sealed class InboundEmailParserTests
{
    private static readonly MailboxOrigin Origin = new(7, "service@comptoir.test", 2, 11, 1);
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_message_becomes_a_contact_of_the_mailbox_with_its_threading_ids_in_angle_brackets()
    {
        var parsed = Parse("""
            From: "Marie Dupont" <Marie.Dupont@Example.test>
            Reply-To: marie.perso@example.test
            To: service@comptoir.test
            Subject: =?utf-8?Q?Commande_incompl=C3=A8te?=
            Message-ID: <abc.123@example.test>
            In-Reply-To: <ack.1@comptoir.local>
            References: <root@example.test> <ack.1@comptoir.local>
            Content-Type: text/plain; charset=utf-8

            Il manque le lait.
            """);

        var contact = parsed.Contact!;
        Assert.Equal("<abc.123@example.test>", parsed.ExternalId);
        Assert.Equal("<abc.123@example.test>", contact.ExternalId);
        Assert.Equal("Commande incomplète", contact.Subject);
        Assert.Equal("Marie.Dupont@Example.test", contact.From);
        Assert.Equal("marie.perso@example.test", contact.ReplyTo);
        Assert.Equal("Marie Dupont", contact.CustomerName);
        Assert.Equal([(IdentityKind.Email, "Marie.Dupont@Example.test")], contact.Identities);
        Assert.Equal("<ack.1@comptoir.local>", contact.InReplyTo);
        Assert.Equal(["<root@example.test>", "<ack.1@comptoir.local>"], contact.References);
        Assert.Equal("Il manque le lait.", contact.Body.Trim());
        Assert.Equal((7, 2, 11, 1), (contact.MailboxId!.Value, contact.ActivityId, contact.StoreId!.Value, contact.CountryId!.Value));
        Assert.Equal("service@comptoir.test", contact.To);
        Assert.Equal(ReceivedAt, contact.At);
        Assert.False(contact.IsAutomated);
    }

    [Fact]
    public void A_message_without_message_id_gets_one_derived_from_its_bytes()
    {
        var raw = Bytes("From: a@example.test\r\nSubject: sans id\r\n\r\nBonjour\r\n");

        var first = InboundEmailParser.Parse(raw, Origin, ReceivedAt);
        var again = InboundEmailParser.Parse([.. raw], Origin, ReceivedAt.AddHours(1));
        var other = InboundEmailParser.Parse(Bytes("From: a@example.test\r\nSubject: sans id\r\n\r\nBonsoir\r\n"), Origin, ReceivedAt);

        Assert.Matches("^<[0-9a-f]{64}@sha256.invalid>$", first.ExternalId);
        Assert.Equal(first.ExternalId, again.ExternalId);
        Assert.NotEqual(first.ExternalId, other.ExternalId);
    }

    [Theory]
    [InlineData("Auto-Submitted: auto-replied")]
    [InlineData("Auto-Submitted: auto-generated; owner-email=\"x@example.test\"")]
    [InlineData("Precedence: bulk")]
    [InlineData("Precedence: list")]
    [InlineData("Precedence: junk")]
    [InlineData("List-Id: <promos.example.test>")]
    [InlineData("X-Auto-Response-Suppress: All")]
    [InlineData("Return-Path: <>")]
    public void Machine_mail_is_recognised_by_its_headers(string header)
    {
        var parsed = Parse($"From: someone@example.test\nSubject: x\n{header}\n\nBody\n");

        Assert.True(parsed.Contact!.IsAutomated);
    }

    [Theory]
    [InlineData("noreply@shop.example.test", true)]
    [InlineData("MAILER-DAEMON@mx.example.test", true)]
    [InlineData("notifications+orders@example.test", true)]
    [InlineData("marie@example.test", false)]
    public void Machine_senders_are_recognised_by_their_address(string sender, bool automated)
    {
        var parsed = Parse($"From: {sender}\nAuto-Submitted: no\nSubject: x\n\nBody\n");

        Assert.Equal(automated, parsed.Contact!.IsAutomated);
    }

    [Theory]
    [InlineData("", "marie@example.test")]
    [InlineData("Reply-To: Marie <marie.perso@example.test>\n", "marie.perso@example.test")]
    [InlineData("Reply-To: a@example.test, pas-une-adresse, b@example.test\n", "a@example.test, b@example.test")]
    [InlineData("Reply-To: pas-une-adresse\n", "marie@example.test")]
    public void Answers_go_to_the_reply_to_addresses_and_the_customer_is_still_the_sender(string header, string replyTo)
    {
        var parsed = Parse($"From: Marie <marie@example.test>\n{header}Subject: x\n\nBody\n");

        Assert.Equal(replyTo, parsed.Contact!.ReplyTo);
        Assert.Equal("marie@example.test", parsed.Contact.From);
        Assert.Equal([(IdentityKind.Email, "marie@example.test")], parsed.Contact.Identities);
    }

    [Fact]
    public void Html_only_mail_is_read_as_text_without_its_scripts_and_kept_as_html_for_sanitising()
    {
        var parsed = Parse("From: a@example.test\nContent-Type: text/html; charset=utf-8\n\n<style>p{color:red}</style><p>Bonjour <b>vous</b></p><script>alert(1)</script>\n");

        Assert.Equal("Bonjour vous", parsed.Contact!.Body);
        Assert.Contains("<script>", parsed.Contact.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Attachments_and_inline_images_are_kept_with_safe_names()
    {
        var parsed = Parse("""
            From: a@example.test
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain; charset=utf-8

            Voir pièces jointes.
            --b
            Content-Type: application/pdf; name="facture.pdf"
            Content-Disposition: attachment; filename="../../etc/facture.pdf"
            Content-Transfer-Encoding: base64

            JVBERi0xLjQ=
            --b
            Content-Type: image/png
            Content-Disposition: inline
            Content-Transfer-Encoding: base64

            iVBORw0KGgo=
            --b--
            """);

        var attachments = parsed.Contact!.Attachments;
        Assert.Equal(["facture.pdf", "piece-jointe-2.png"], attachments.Select(a => a.FileName));
        Assert.Equal("%PDF-1.4", Encoding.ASCII.GetString(attachments[0].Content));
        Assert.Equal("image/png", attachments[1].ContentType);
        Assert.Equal("Voir pièces jointes.", parsed.Contact.Body.Trim());
    }

    [Theory]
    [InlineData("Ceci n'est pas un e-mail\n\nrien\n", InboundEmailParser.UnreadableMime)]
    [InlineData("Subject: sans expéditeur\n\nQui suis-je ?\n", InboundEmailParser.NoSender)]
    [InlineData("From: pas-une-adresse\nSubject: x\n\nBody\n", InboundEmailParser.NoSender)]
    public void A_message_that_cannot_be_a_contact_says_why(string raw, string reason)
    {
        var parsed = Parse(raw);

        Assert.Null(parsed.Contact);
        Assert.Equal(reason, parsed.Refusal);
    }

    [Fact]
    public void A_multipart_without_boundary_keeps_its_text_in_the_body_and_the_original_attached()
    {
        var raw = Bytes("""
            From: marie@example.test
            Subject: Remboursement
            Message-ID: <nb@example.test>
            MIME-Version: 1.0
            Content-Type: multipart/mixed

            Bonjour, j'attends toujours le remboursement de ma commande 4521.
            """);

        var contact = InboundEmailParser.Parse(raw, Origin, ReceivedAt).Contact!;

        Assert.Contains("j'attends toujours le remboursement de ma commande 4521", contact.Body, StringComparison.Ordinal);
        Assert.True(contact.Malformed);
        var original = Assert.Single(contact.Attachments, a => a.FileName == InboundEmailParser.OriginalFileName);
        Assert.Equal("message/rfc822", original.ContentType);
        Assert.Equal(raw, original.Content);
    }

    [Fact]
    public void Text_before_the_first_boundary_is_kept_before_the_body()
    {
        var contact = Parse("""
            From: marie@example.test
            Subject: Colis
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b1"

            Mon colis est arrivé ouvert, il manque deux articles.
            --b1
            Content-Type: text/plain; charset=utf-8

            Voici la photo.
            --b1--
            """).Contact!;

        Assert.StartsWith("Mon colis est arrivé ouvert, il manque deux articles.", contact.Body, StringComparison.Ordinal);
        Assert.Contains("Voici la photo.", contact.Body, StringComparison.Ordinal);
        Assert.True(contact.Malformed);
        Assert.Contains(contact.Attachments, a => a.FileName == InboundEmailParser.OriginalFileName);
    }

    [Fact]
    public void The_usual_line_before_the_first_boundary_is_no_loss()
    {
        var contact = Parse("""
            From: marie@example.test
            Subject: Colis
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b1"

            This is a multi-part message in MIME format.
            --b1
            Content-Type: text/plain; charset=utf-8

            Voici la photo.
            --b1--
            """).Contact!;

        Assert.Equal("Voici la photo.", contact.Body.Trim());
        Assert.False(contact.Malformed);
        Assert.Empty(contact.Attachments);
    }

    [Theory]
    [InlineData("Content-Type: text/plain")]
    [InlineData("Content-Type: text/plain; charset=us-ascii")]
    [InlineData("MIME-Version: 1.0")]
    public void A_UTF8_body_without_a_real_charset_is_read_as_UTF8_and_Latin1_bytes_as_Windows_1252(string contentType)
    {
        var utf8 = Parse($"From: marie@example.test\nSubject: x\n{contentType}\nContent-Transfer-Encoding: 8bit\n\nJ'ai été débité deux fois — merci.\n").Contact!;
        var latin = InboundEmailParser.Parse(
            Encoding.Latin1.GetBytes($"From: marie@example.test\r\nSubject: x\r\n{contentType}\r\nContent-Transfer-Encoding: 8bit\r\n\r\nJ'ai été débité.\r\n"), Origin, ReceivedAt).Contact!;

        Assert.Equal("J'ai été débité deux fois — merci.", utf8.Body.Trim());
        Assert.Equal("J'ai été débité.", latin.Body.Trim());
        Assert.False(utf8.Malformed);
    }

    [Fact]
    public void NUL_characters_in_headers_never_reach_the_contact()
    {
        var parsed = Parse("From: =?utf-8?q?Ma=00rie?= <marie@example.test>\nSubject: =?utf-8?q?Com=00mande?=\nMessage-ID: <a\0b@example.test>\nIn-Reply-To: <c\0d@example.test>\n\nBon\0jour\n");

        var contact = parsed.Contact!;
        Assert.Equal("Commande", contact.Subject);
        Assert.Equal("Marie", contact.CustomerName);
        Assert.Equal("Bonjour", contact.Body.Trim());
        Assert.DoesNotContain('\0', parsed.ExternalId);
        Assert.Null(contact.InReplyTo);
    }

    private static ParsedEmail Parse(string text) => InboundEmailParser.Parse(Bytes(text), Origin, ReceivedAt);

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"));
}
