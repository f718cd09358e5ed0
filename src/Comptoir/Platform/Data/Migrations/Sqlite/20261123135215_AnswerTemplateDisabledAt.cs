using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comptoir.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AnswerTemplateDisabledAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DisabledAt",
                table: "AnswerTemplates",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DisabledAt",
                table: "AnswerTemplates");
        }
    }
}
