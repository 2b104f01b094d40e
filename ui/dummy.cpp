namespace Gavel::Ui {}
