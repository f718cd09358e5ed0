using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comptoir.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InboundReplyTo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReplyTo",
                table: "Messages",
                type: "TEXT",
                maxLength: 300,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReplyTo",
                table: "Messages");
        }
    }
}
